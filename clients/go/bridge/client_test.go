package bridge

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net"
	"testing"
	"time"
)

func TestAFrameIsItsLengthThenItsJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteFrame(&buf, Frame{Type: "ping"}); err != nil {
		t.Fatal(err)
	}
	want := append([]byte{0, 0, 0, 15}, []byte(`{"type":"ping"}`)...)
	if !bytes.Equal(buf.Bytes(), want) {
		t.Fatalf("got %q, want %q", buf.Bytes(), want)
	}
	frame, err := ReadFrame(&buf)
	if err != nil || frame.Type != "ping" {
		t.Fatalf("read back %+v, %v", frame, err)
	}
}

// fakeBridge accepts one connection and answers each frame with what answer returns, written in
// chunks of chunk bytes (all at once if 0).
func fakeBridge(t *testing.T, chunk int, answer func(Frame) []Frame) string {
	t.Helper()
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { listener.Close() })
	go func() {
		conn, err := listener.Accept()
		if err != nil {
			return
		}
		defer conn.Close()
		for {
			frame, err := ReadFrame(conn)
			if err != nil {
				return
			}
			var out bytes.Buffer
			for _, f := range answer(frame) {
				_ = WriteFrame(&out, f)
			}
			data := out.Bytes()
			step := chunk
			if step == 0 {
				step = len(data) + 1
			}
			for len(data) > 0 {
				n := min(step, len(data))
				if _, err := conn.Write(data[:n]); err != nil {
					return
				}
				data = data[n:]
				time.Sleep(time.Millisecond)
			}
		}
	}()
	return listener.Addr().String()
}

func dial(t *testing.T, addr string) *Client {
	t.Helper()
	client, err := Dial(context.Background(), addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { client.Close() })
	return client
}

func TestARequestGetsItsAnswerEvenInPieces(t *testing.T) {
	var headers map[string]string
	addr := fakeBridge(t, 3, func(f Frame) []Frame {
		headers = f.Headers
		return []Frame{{Type: "message", Address: f.ReplyAddress, Body: json.RawMessage(`{"ok":true}`)}}
	})
	body, err := dial(t, addr).Request(context.Background(), "shop.products.list", map[string]int{"size": 1},
		map[string]string{"authorization": "Bearer t"})
	if err != nil || string(body) != `{"ok":true}` {
		t.Fatalf("got %s, %v", body, err)
	}
	if headers["authorization"] != "Bearer t" {
		t.Fatalf("headers sent: %v", headers)
	}
}

func TestARefusalFailsTheRequestWithItsCodeAndMessage(t *testing.T) {
	addr := fakeBridge(t, 0, func(f Frame) []Frame {
		return []Frame{{Type: "err", Address: f.ReplyAddress, FailureCode: 401, Message: "A bearer token is required"}}
	})
	_, err := dial(t, addr).Request(context.Background(), "shop.products.list", nil, nil)
	var refused *Error
	if !errors.As(err, &refused) || refused.FailureCode != 401 || refused.Message != "A bearer token is required" {
		t.Fatalf("got %v", err)
	}
}

func TestMessagesErrorsAndAnAnswerInOneWriteEachGoWhereTheyBelong(t *testing.T) {
	addr := fakeBridge(t, 0, func(f Frame) []Frame {
		if f.Type == "register" {
			return nil
		}
		return []Frame{
			{Type: "message", Address: "feed", Body: json.RawMessage(`1`)},
			{Type: "message", Address: "feed", Body: json.RawMessage(`2`)},
			{Type: "err", Message: "not allowed"},
			{Type: "message", Address: f.ReplyAddress, Body: json.RawMessage(`"done"`)},
		}
	})
	client := dial(t, addr)
	var received []string
	if err := client.Register("feed", nil, func(body json.RawMessage) { received = append(received, string(body)) }); err != nil {
		t.Fatal(err)
	}
	body, err := client.Request(context.Background(), "x", nil, nil)
	if err != nil || string(body) != `"done"` {
		t.Fatalf("got %s, %v", body, err)
	}
	if len(received) != 2 || received[0] != "1" || received[1] != "2" {
		t.Fatalf("messages: %v", received)
	}
	select {
	case refusal := <-client.Errors():
		if refusal.Message != "not allowed" {
			t.Fatalf("got %v", refusal)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no error surfaced")
	}
}

func TestAClosedConnectionFailsTheWaitingRequest(t *testing.T) {
	addr := fakeBridge(t, 0, func(Frame) []Frame { return nil })
	client := dial(t, addr)
	time.AfterFunc(100*time.Millisecond, func() { client.Close() })
	if _, err := client.Request(context.Background(), "x", nil, nil); !errors.Is(err, ErrClosed) {
		t.Fatalf("got %v", err)
	}
}
