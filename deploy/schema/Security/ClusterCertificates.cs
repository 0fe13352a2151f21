using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace Dispatch.Schema.Security;

/// <summary>
/// The certificates a silo or web instance uses for the cluster's mutual TLS (Orleans:Tls:*): its own node certificate
/// and the installation's private CA, which every peer's certificate must chain to. The operating system's trust store
/// is never consulted: only the pinned CA makes a peer trusted.
/// </summary>
public sealed class ClusterCertificates
{
    public const string Section = "Orleans:Tls";

    /// <summary>Environment variable holding the password of a PFX node certificate or an encrypted PEM key, if any.</summary>
    public const string PasswordVariable = "DISPATCH_TLS_PASSWORD";

    private ClusterCertificates(X509Certificate2 node, X509Certificate2 authority)
    {
        Node = node;
        Authority = authority;
    }

    /// <summary>This process's certificate, with its private key.</summary>
    public X509Certificate2 Node { get; }

    /// <summary>The installation's CA (public part only is needed).</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>Loads Orleans:Tls:CertificatePath (PFX, or PEM with Orleans:Tls:KeyPath or the key in the same file) and Orleans:Tls:CaPath.</summary>
    public static ClusterCertificates Load(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var certificatePath = Required(section, "CertificatePath");
        var caPath = Required(section, "CaPath");
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        var node = CertificateFile.LoadWithKey(certificatePath, section["KeyPath"], password, $"{Section}:CertificatePath");
        var authority = CertificateFile.Load(caPath, $"{Section}:CaPath");
        var certificates = new ClusterCertificates(node, authority);
        if (!certificates.IsTrusted(node))
        {
            throw new StartupConfigurationException($"{Section}:CertificatePath '{certificatePath}' is not signed by the CA in {Section}:CaPath '{caPath}' (or has expired).");
        }
        return certificates;
    }

    /// <summary>Certificates made in memory (the test fixtures).</summary>
    public static ClusterCertificates From(X509Certificate2 node, X509Certificate2 authority) => new(node, authority);

    /// <summary>The remote-certificate check of every TLS handshake: the peer's certificate chains to the pinned CA.</summary>
    /// <remarks>Host names are not compared: silos are reached at the addresses the membership table gives, and the CA signs only nodes of this installation.</remarks>
    public bool Validate(X509Certificate2? remote, X509Chain? chain, SslPolicyErrors errors) =>
        remote is not null && !errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable) && IsTrusted(remote);

    public bool IsTrusted(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (!chain.Build(certificate))
        {
            return false;
        }
        var root = chain.ChainElements[^1].Certificate;
        return root.RawDataMemory.Span.SequenceEqual(Authority.RawDataMemory.Span);
    }

    private static string Required(IConfigurationSection section, string key) =>
        section[key] is { Length: > 0 } value
            ? value
            : throw new StartupConfigurationException(
                $"{Section}:{key} is not set: the cluster's mutual TLS needs a node certificate and the installation's CA "
                + $"(Orleans__Tls__CertificatePath, Orleans__Tls__CaPath; deploy/run.sh makes them for local use).");
}

/// <summary>Reads certificates from files (PFX, or PEM with its key), failing start-up with one line naming the setting.</summary>
public static class CertificateFile
{
    /// <summary>A certificate with its private key: a .pfx/.p12 file, or a PEM certificate with its key in <paramref name="keyPath"/> or in the same file.</summary>
    public static X509Certificate2 LoadWithKey(string path, string? keyPath, string? password, string setting)
    {
        X509Certificate2 certificate;
        if (path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase))
        {
            certificate = Read(path, setting, () => X509CertificateLoader.LoadPkcs12FromFile(path, password));
        }
        else
        {
            var key = keyPath ?? path;
            certificate = Read(path, setting, () => string.IsNullOrEmpty(password)
                ? X509Certificate2.CreateFromPemFile(path, key)
                : X509Certificate2.CreateFromEncryptedPemFile(path, password, key));
        }
        return certificate.HasPrivateKey
            ? certificate
            : throw new StartupConfigurationException($"{setting} '{path}' has no private key (give a PFX, or a PEM certificate and its key).");
    }

    /// <summary>A certificate without its key (a CA).</summary>
    public static X509Certificate2 Load(string path, string setting) => Read(path, setting, () => X509CertificateLoader.LoadCertificateFromFile(path));

    private static X509Certificate2 Read(string path, string setting, Func<X509Certificate2> load)
    {
        if (!File.Exists(path))
        {
            throw new StartupConfigurationException($"{setting}: the file '{path}' does not exist.");
        }
        try
        {
            return load();
        }
        catch (CryptographicException ex)
        {
            throw new StartupConfigurationException($"{setting}: '{path}' cannot be read as a certificate: {ex.Message}", ex);
        }
    }
}
