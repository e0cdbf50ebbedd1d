# Shared by the bench scripts (source it): the config of one receiver on PORT with one signed
# Meta channel, whose secret is read from BENCH_META_SECRET.
bench_config() { # PORT FILE
  cat > "$2" <<TOML
[server]
host = "127.0.0.1"
port = $1
max_body_bytes = 3145728

[[channel]]
name = "support"
provider = "meta"
number = "15550783881"
id = "106540352242922"
portfolio = "acme"
webhook_secret_env = "BENCH_META_SECRET"
TOML
}
