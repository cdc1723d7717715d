module shop.example/clients/go

go 1.22
