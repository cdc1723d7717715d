// Package watch is the shop-watch example: it places an order over the TCP bridge and prints each
// step of its saga until the order is final.
package watch

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"shop.example/clients/go/bridge"
)

// Timeout is how long the watch waits for the order to become final.
const Timeout = 60 * time.Second

// Exit codes.
const (
	Confirmed = 0
	Cancelled = 1
	TimedOut  = 2
	Failed    = 3
)

// Config says where the shop is and who orders; an empty Email registers a new user.
type Config struct {
	Gateway  string
	Bridge   string
	Email    string
	Password string
}

// Change is one step of an order, as the bridge delivers it.
type Change struct {
	OrderID string `json:"orderId"`
	Version int    `json:"version"`
	Event   string `json:"event"`
	Status  string `json:"status"`
}

// Printer prints the changes of one order: those that come before its id is known are kept.
type Printer struct {
	out     io.Writer
	mu      sync.Mutex
	orderID string
	early   []Change
	seen    map[int]bool
	final   chan string
}

// NewPrinter prints to out.
func NewPrinter(out io.Writer) *Printer {
	return &Printer{out: out, seen: map[int]bool{}, final: make(chan string, 1)}
}

// OnChange takes a change from the feed.
func (p *Printer) OnChange(change Change) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.orderID == "" {
		p.early = append(p.early, change)
		return
	}
	p.print(change)
}

// Watch starts printing the changes of orderID.
func (p *Printer) Watch(orderID string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.orderID = orderID
	fmt.Fprintf(p.out, "order %s\n", orderID)
	for _, change := range p.early {
		p.print(change)
	}
	p.early = nil
}

// Final gives the final status once there is one.
func (p *Printer) Final() <-chan string { return p.final }

func (p *Printer) print(change Change) {
	if change.OrderID != p.orderID || p.seen[change.Version] {
		return
	}
	p.seen[change.Version] = true
	fmt.Fprintf(p.out, "%s %s\n", change.Event, change.Status)
	if change.Status == "CONFIRMED" || change.Status == "CANCELLED" {
		select {
		case p.final <- change.Status:
		default:
		}
	}
}

// Run runs the example and returns its exit code; errors are written to errOut.
func Run(ctx context.Context, cfg Config, out, errOut io.Writer) int {
	code, err := run(ctx, cfg, out)
	if err != nil {
		fmt.Fprintf(errOut, "shop-watch: %v\n", err)
		return Failed
	}
	return code
}

func run(ctx context.Context, cfg Config, out io.Writer) (int, error) {
	email := cfg.Email
	if email == "" {
		email = fmt.Sprintf("watch-%d@example.com", time.Now().UnixNano())
		if err := call(ctx, cfg.Gateway, "POST", "/api/v1/users", "", map[string]string{
			"email": email, "name": "Watcher", "password": cfg.Password}, nil); err != nil {
			return 0, err
		}
	}
	var token struct {
		AccessToken string `json:"accessToken"`
	}
	if err := call(ctx, cfg.Gateway, "POST", "/api/v1/auth/token", "",
		map[string]string{"email": email, "password": cfg.Password}, &token); err != nil {
		return 0, err
	}
	var me struct {
		ID string `json:"id"`
	}
	if err := call(ctx, cfg.Gateway, "GET", "/api/v1/users/me", token.AccessToken, nil, &me); err != nil {
		return 0, err
	}
	auth := map[string]string{"authorization": "Bearer " + token.AccessToken}

	client, err := bridge.Dial(ctx, cfg.Bridge)
	if err != nil {
		return 0, err
	}
	defer client.Close()

	var products struct {
		Items []struct {
			ID    string `json:"id"`
			Stock int    `json:"stock"`
		} `json:"items"`
	}
	body, err := client.Request(ctx, "shop.products.list", map[string]int{"size": 100}, auth)
	if err != nil {
		return 0, err
	}
	if err := json.Unmarshal(body, &products); err != nil {
		return 0, err
	}
	productID := ""
	for _, product := range products.Items {
		if product.Stock > 0 {
			productID = product.ID
			break
		}
	}
	if productID == "" {
		return 0, fmt.Errorf("no product in stock")
	}

	printer := NewPrinter(out)
	if err := client.Register("shop.orders.status."+me.ID, auth, func(body json.RawMessage) {
		var change Change
		if json.Unmarshal(body, &change) == nil {
			printer.OnChange(change)
		}
	}); err != nil {
		return 0, err
	}
	body, err = client.Request(ctx, "shop.orders.place", map[string]any{
		"idempotencyKey":  newKey(),
		"items":           []map[string]any{{"productId": productID, "quantity": 1}},
		"shippingAddress": "1 Main Street",
	}, auth)
	if err != nil {
		return 0, err
	}
	var order struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal(body, &order); err != nil {
		return 0, err
	}
	printer.Watch(order.ID)

	select {
	case status := <-printer.Final():
		if status == "CONFIRMED" {
			return Confirmed, nil
		}
		return Cancelled, nil
	case <-time.After(Timeout):
		return TimedOut, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

func call(ctx context.Context, gateway, method, path, token string, body, into any) error {
	var reader io.Reader
	if body != nil {
		payload, err := json.Marshal(body)
		if err != nil {
			return err
		}
		reader = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(ctx, method, strings.TrimRight(gateway, "/")+path, reader)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	payload, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode >= 300 {
		return fmt.Errorf("%s %s: %d %s", method, path, resp.StatusCode, payload)
	}
	if into == nil {
		return nil
	}
	return json.Unmarshal(payload, into)
}

func newKey() string {
	return fmt.Sprintf("go-%d", time.Now().UnixNano())
}
