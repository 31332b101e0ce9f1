# Build stage: a static binary with the templates, assets and migrations
# embedded.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -o /out/emma .

# Run stage. PostgreSQL's server binaries are included so that `emma serve`
# works with no configuration; production deployments set DATABASE_URL.
FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql ca-certificates \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 10001 emma
USER emma
ENV EMMA_DATA_DIR=/home/emma/data
COPY --from=build /out/emma /usr/local/bin/emma
EXPOSE 8080
ENTRYPOINT ["emma"]
CMD ["serve"]
