// Package bridge is a client for the shop's TCP event-bus bridge, which speaks the protocol of
// Vert.x's TCP bridge: each frame is a 4-byte big-endian length, then that many bytes of JSON.
package bridge

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"time"
)

// PingInterval is how often the client pings: the bridge closes connections silent for 60 s.
const PingInterval = 20 * time.Second

// Error is an err frame: a refused request (with its failure code), or a refusal of its own.
type Error struct {
	FailureCode int
	Message     string
}

func (e *Error) Error() string {
	if e.FailureCode != 0 {
		return fmt.Sprintf("%d: %s", e.FailureCode, e.Message)
	}
	return e.Message
}

// ErrClosed fails the requests still waiting when the connection closes.
var ErrClosed = errors.New("bridge: connection closed")

// Frame is one frame of the protocol, either way.
type Frame struct {
	Type         string            `json:"type"`
	Address      string            `json:"address,omitempty"`
	ReplyAddress string            `json:"replyAddress,omitempty"`
	Headers      map[string]string `json:"headers,omitempty"`
	Body         json.RawMessage   `json:"body,omitempty"`
	FailureCode  int               `json:"failureCode,omitempty"`
	Message      string            `json:"message,omitempty"`
}

// WriteFrame writes one frame: its length, then its JSON.
func WriteFrame(w io.Writer, frame Frame) error {
	payload, err := json.Marshal(frame)
	if err != nil {
		return err
	}
	buf := make([]byte, 4+len(payload))
	binary.BigEndian.PutUint32(buf, uint32(len(payload)))
	copy(buf[4:], payload)
	_, err = w.Write(buf)
	return err
}

// ReadFrame reads one frame.
func ReadFrame(r io.Reader) (Frame, error) {
	var header [4]byte
	if _, err := io.ReadFull(r, header[:]); err != nil {
		return Frame{}, err
	}
	payload := make([]byte, binary.BigEndian.Uint32(header[:]))
	if _, err := io.ReadFull(r, payload); err != nil {
		return Frame{}, err
	}
	var frame Frame
	err := json.Unmarshal(payload, &frame)
	return frame, err
}

// Client is one connection to the bridge. A reader goroutine dispatches answers and messages.
type Client struct {
	conn     net.Conn
	writeMu  sync.Mutex
	mu       sync.Mutex
	pending  map[string]chan Frame
	handlers map[string]func(json.RawMessage)
	errs     chan *Error
	done     chan struct{}
}

// Dial connects to the bridge at addr (host:port).
func Dial(ctx context.Context, addr string) (*Client, error) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	c := &Client{
		conn:     conn,
		pending:  map[string]chan Frame{},
		handlers: map[string]func(json.RawMessage){},
		errs:     make(chan *Error, 16),
		done:     make(chan struct{}),
	}
	go c.read()
	go c.ping()
	return c, nil
}

// Errors gives the err frames that answer no request, such as a refused Register.
func (c *Client) Errors() <-chan *Error { return c.errs }

// Request sends body to address and returns the body of the answer, or an *Error on a refusal.
func (c *Client) Request(ctx context.Context, address string, body any, headers map[string]string) (json.RawMessage, error) {
	payload, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	replyAddress := newID()
	answer := make(chan Frame, 1)
	c.mu.Lock()
	c.pending[replyAddress] = answer
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		delete(c.pending, replyAddress)
		c.mu.Unlock()
	}()
	frame := Frame{Type: "send", Address: address, ReplyAddress: replyAddress, Headers: headers, Body: payload}
	if err := c.write(frame); err != nil {
		return nil, err
	}
	select {
	case reply := <-answer:
		if reply.Type == "err" {
			return nil, &Error{FailureCode: reply.FailureCode, Message: reply.Message}
		}
		return reply.Body, nil
	case <-c.done:
		return nil, ErrClosed
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Register calls handler, on the reader goroutine, with the body of every message sent to address.
func (c *Client) Register(address string, headers map[string]string, handler func(json.RawMessage)) error {
	c.mu.Lock()
	c.handlers[address] = handler
	c.mu.Unlock()
	return c.write(Frame{Type: "register", Address: address, Headers: headers})
}

// Unregister stops listening to address.
func (c *Client) Unregister(address string, headers map[string]string) error {
	c.mu.Lock()
	delete(c.handlers, address)
	c.mu.Unlock()
	return c.write(Frame{Type: "unregister", Address: address, Headers: headers})
}

// Close closes the connection; waiting requests fail with ErrClosed.
func (c *Client) Close() error { return c.conn.Close() }

func (c *Client) write(frame Frame) error {
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	return WriteFrame(c.conn, frame)
}

func (c *Client) read() {
	defer close(c.done)
	reader := bufio.NewReader(c.conn)
	for {
		frame, err := ReadFrame(reader)
		if err != nil {
			return
		}
		c.dispatch(frame)
	}
}

func (c *Client) dispatch(frame Frame) {
	c.mu.Lock()
	answer := c.pending[frame.Address]
	handler := c.handlers[frame.Address]
	c.mu.Unlock()
	switch {
	case frame.Address != "" && answer != nil:
		answer <- frame
	case frame.Type == "message" && handler != nil:
		handler(frame.Body)
	case frame.Type == "err":
		select {
		case c.errs <- &Error{FailureCode: frame.FailureCode, Message: frame.Message}:
		default: // nobody reads them: dropped rather than blocking the reader
		}
	}
}

func (c *Client) ping() {
	ticker := time.NewTicker(PingInterval)
	defer ticker.Stop()
	for {
		select {
		case <-ticker.C:
			if c.write(Frame{Type: "ping"}) != nil {
				return
			}
		case <-c.done:
			return
		}
	}
}

func newID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}
