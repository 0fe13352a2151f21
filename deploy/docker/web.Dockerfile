# syntax=docker/dockerfile:1
# The web app image. Build from the repository root:
#   docker build -f deploy/docker/web.Dockerfile -t dispatch-web .
# The SDK image must carry SDK 10.0.400 or later (global.json); pass --build-arg SDK_IMAGE=... to pin another.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

FROM ${SDK_IMAGE} AS build
# The build fetches the UI's front-end packages with npm ci (client-web/ui/package-lock.json).
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY grain-interfaces/Dispatch.GrainInterfaces.csproj grain-interfaces/
COPY deploy/schema/Dispatch.Schema.csproj deploy/schema/
COPY client-web/Dispatch.Web.csproj client-web/
RUN dotnet restore client-web/Dispatch.Web.csproj
COPY client-web/ui/package.json client-web/ui/package-lock.json client-web/ui/
RUN cd client-web/ui && npm ci --no-audit --no-fund --loglevel=error
COPY grain-interfaces/ grain-interfaces/
COPY deploy/schema/ deploy/schema/
COPY deploy/reference-data/ deploy/reference-data/
COPY client-web/ client-web/
# Build first: the build copies the UI's packages into wwwroot/lib, and publish, evaluating the project again, then
# finds them among the static web assets. Published alone on a fresh tree they were copied but without their
# compressed .gz/.br forms (tried by hand).
RUN dotnet build client-web/Dispatch.Web.csproj -c Release --no-restore \
 && dotnet publish client-web/Dispatch.Web.csproj -c Release --no-restore -o /app

FROM ${RUNTIME_IMAGE} AS runtime
WORKDIR /app
COPY --from=build /app/ ./
COPY --chmod=0755 deploy/docker/healthcheck.sh /usr/local/bin/dispatch-healthcheck
# Plain HTTP inside the private network; TLS ends at the reverse proxy (set Proxy__TlsTerminated=true and the proxy's
# network in Proxy__KnownNetworks__0 where it runs). The first administrator's one-time password goes to a tmpfs.
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    Bootstrap__CredentialFile=/run/dispatch/first-admin.credentials
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=3 \
  CMD ["/usr/local/bin/dispatch-healthcheck", "8080", "/health/ready"]
ENTRYPOINT ["dotnet", "Dispatch.Web.dll"]
