using Dispatch.Schema.Security;
using Orleans.Connections.Security;

namespace Dispatch.Silo.Hosting;

/// <summary>Mutual TLS on the silo's two ports: other silos and clients (the web app) must present a certificate of the installation's CA.</summary>
public static class SiloTls
{
    public static ISiloBuilder UseClusterTls(this ISiloBuilder silo, ClusterCertificates certificates) =>
        silo.UseTls(certificates.Node, options =>
        {
            options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
            options.RemoteCertificateValidation = certificates.Validate;
        });
}
