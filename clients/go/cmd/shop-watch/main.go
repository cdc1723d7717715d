// Command shop-watch places an order over the shop's TCP event-bus bridge and prints each step of
// its saga until the order is final: "order <id>", then "<event> <status>" per step. It exits 0 when
// the order is CONFIRMED, 1 when CANCELLED, 2 after 60 s without either, 3 on an error.
package main

import (
	"context"
	"flag"
	"os"

	"shop.example/clients/go/watch"
)

func main() {
	cfg := watch.Config{}
	flag.StringVar(&cfg.Gateway, "gateway", env("SHOP_GATEWAY_URL", "http://127.0.0.1:8080"), "the gateway's URL")
	flag.StringVar(&cfg.Bridge, "bridge", env("SHOP_BRIDGE_TCP", "127.0.0.1:7000"), "the TCP bridge, host:port")
	flag.StringVar(&cfg.Email, "email", os.Getenv("SHOP_EMAIL"), "who orders (a new user if empty)")
	flag.StringVar(&cfg.Password, "password", env("SHOP_PASSWORD", "correct horse"), "their password")
	flag.Parse()
	os.Exit(watch.Run(context.Background(), cfg, os.Stdout, os.Stderr))
}

func env(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}
