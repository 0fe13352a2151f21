# syntax=docker/dockerfile:1
# The silo image. Build from the repository root:
#   docker build -f deploy/docker/silo.Dockerfile -t dispatch-silo .
# The same image runs the schema step as a one-shot container: `docker run ... dispatch-silo schema`.
# The SDK image must carry SDK 10.0.400 or later (global.json); pass --build-arg SDK_IMAGE=... to pin another.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

FROM ${SDK_IMAGE} AS build
WORKDIR /src
# Project files first, so that a code change does not fetch the packages again.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY grain-interfaces/Dispatch.GrainInterfaces.csproj grain-interfaces/
COPY grains/Dispatch.Grains.csproj grains/
COPY deploy/schema/Dispatch.Schema.csproj deploy/schema/
COPY silo/Dispatch.Silo.csproj silo/
RUN dotnet restore silo/Dispatch.Silo.csproj
COPY grain-interfaces/ grain-interfaces/
COPY grains/ grains/
COPY deploy/schema/ deploy/schema/
COPY deploy/reference-data/ deploy/reference-data/
COPY silo/ silo/
RUN dotnet publish silo/Dispatch.Silo.csproj -c Release --no-restore -o /app

FROM ${RUNTIME_IMAGE} AS runtime
WORKDIR /app
COPY --from=build /app/ ./
COPY --chmod=0755 deploy/docker/healthcheck.sh /usr/local/bin/dispatch-healthcheck
# Silo port (silo to silo), gateway port (web to silo), both mutual TLS; the health probes on Health__Port.
ENV DOTNET_ENVIRONMENT=Production \
    Orleans__SiloPort=11111 \
    Orleans__GatewayPort=30000 \
    Health__Port=8081
EXPOSE 11111 30000 8081
# The images' unprivileged user (uid 1654); nothing under /app is writable by it, so the root file system can be read-only.
USER $APP_UID
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=3 \
  CMD ["/usr/local/bin/dispatch-healthcheck", "8081", "/health/ready"]
ENTRYPOINT ["dotnet", "Dispatch.Silo.dll"]
