package watch

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"shop.example/clients/go/bridge"
)

func TestChangesBeforeTheOrderIDAreKeptAndAFinalStatusEndsTheWatch(t *testing.T) {
	var out bytes.Buffer
	p := NewPrinter(&out)
	placed := Change{OrderID: "o1", Version: 1, Event: "OrderPlaced", Status: "PENDING"}
	p.OnChange(placed)
	p.OnChange(Change{OrderID: "other", Version: 1, Event: "OrderPlaced", Status: "PENDING"})
	p.Watch("o1")
	p.OnChange(placed)
	p.OnChange(Change{OrderID: "o1", Version: 2, Event: "OrderConfirmed", Status: "CONFIRMED"})
	if got, want := out.String(), "order o1\nOrderPlaced PENDING\nOrderConfirmed CONFIRMED\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	if status := <-p.Final(); status != "CONFIRMED" {
		t.Fatalf("final %s", status)
	}
}

// shop returns the running shop's addresses, or skips: ./shop test sets them.
func shop(t *testing.T) (gateway, tcpBridge string) {
	gateway, tcpBridge = os.Getenv("SHOP_GATEWAY_URL"), os.Getenv("SHOP_BRIDGE_TCP")
	if gateway == "" || tcpBridge == "" {
		t.Skip("needs a running shop: set SHOP_GATEWAY_URL and SHOP_BRIDGE_TCP")
	}
	return gateway, tcpBridge
}

func TestTheExampleEndsWithTheOrderConfirmed(t *testing.T) {
	gateway, tcpBridge := shop(t)
	var out, errOut bytes.Buffer
	code := Run(context.Background(), Config{Gateway: gateway, Bridge: tcpBridge, Password: "correct horse"}, &out, &errOut)
	if code != Confirmed {
		t.Fatalf("exit %d: %s\n%s", code, errOut.String(), out.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if !strings.HasPrefix(lines[0], "order ") || lines[1] != "OrderPlaced PENDING" ||
		lines[len(lines)-1] != "OrderConfirmed CONFIRMED" {
		t.Fatalf("printed:\n%s", out.String())
	}
}

func TestRefusalsSayWhyAndTheConnectionGoesOn(t *testing.T) {
	gateway, tcpBridge := shop(t)
	ctx := context.Background()
	email := "go-refusals-" + newKey() + "@example.com"
	if err := call(ctx, gateway, "POST", "/api/v1/users", "", map[string]string{
		"email": email, "name": "Go", "password": "correct horse"}, nil); err != nil {
		t.Fatal(err)
	}
	var token struct {
		AccessToken string `json:"accessToken"`
	}
	if err := call(ctx, gateway, "POST", "/api/v1/auth/token", "",
		map[string]string{"email": email, "password": "correct horse"}, &token); err != nil {
		t.Fatal(err)
	}
	auth := map[string]string{"authorization": "Bearer " + token.AccessToken}
	forged := map[string]string{"authorization": auth["authorization"][:len(auth["authorization"])-4] + "AAAA"}

	client, err := bridge.Dial(ctx, tcpBridge)
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	for name, headers := range map[string]map[string]string{"no token": nil, "forged token": forged} {
		_, err := client.Request(ctx, "shop.products.list", nil, headers)
		refused, ok := err.(*bridge.Error)
		if !ok || refused.FailureCode != 401 {
			t.Fatalf("%s: got %v", name, err)
		}
	}
	if err := client.Register("shop.orders.status.00000000-0000-0000-0000-000000000000", auth, func(json.RawMessage) {}); err != nil {
		t.Fatal(err)
	}
	if refusal := <-client.Errors(); !strings.Contains(refusal.Message, "your own orders only") {
		t.Fatalf("got %v", refusal)
	}
	if _, err := client.Request(ctx, "shop.products.list", map[string]int{"size": 1}, auth); err != nil {
		t.Fatalf("the connection no longer serves: %v", err)
	}
}
