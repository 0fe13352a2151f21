using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Dispatch.Schema.Security;

namespace Dispatch.Tests.Fixtures.Security;

/// <summary>
/// A throwaway installation CA with one node certificate (the cluster's mutual TLS) and a key-encryption certificate
/// (the data-protection key ring), made in memory once per test run and written as PEM files to a private temporary
/// folder, so that every LocalSilo, LocalWebApp and test cluster is configured the way deploy/run.sh configures the real ones.
/// </summary>
public sealed class TestCertificates
{
    private static readonly Lazy<TestCertificates> SharedInstance = new(() => Create("Dispatch test CA"));

    private TestCertificates(string folder)
    {
        Folder = folder;
        Authority = CertificateFile.Load(CaPath, "test CA");
        Node = CertificateFile.LoadWithKey(NodeCertificatePath, NodeKeyPath, null, "test node certificate");
        Cluster = ClusterCertificates.From(Node, Authority);
    }

    /// <summary>The certificates every test host of this run uses.</summary>
    public static TestCertificates Shared => SharedInstance.Value;

    public string Folder { get; }

    public X509Certificate2 Authority { get; }

    public X509Certificate2 Node { get; }

    public ClusterCertificates Cluster { get; }

    public string CaPath => Path.Combine(Folder, "ca.pem");

    public string NodeCertificatePath => Path.Combine(Folder, "node.pem");

    public string NodeKeyPath => Path.Combine(Folder, "node.key");

    public string DataProtectionCertificatePath => Path.Combine(Folder, "dataprotection.pem");

    public string DataProtectionKeyPath => Path.Combine(Folder, "dataprotection.key");

    /// <summary>The settings run.sh passes to the silo and the web app, as command-line arguments.</summary>
    public IReadOnlyList<string> Arguments =>
    [
        $"--Orleans:Tls:CertificatePath={NodeCertificatePath}",
        $"--Orleans:Tls:KeyPath={NodeKeyPath}",
        $"--Orleans:Tls:CaPath={CaPath}",
        $"--DataProtection:CertificatePath={DataProtectionCertificatePath}",
        $"--DataProtection:KeyPath={DataProtectionKeyPath}",
    ];

    /// <summary>Another installation: a CA of its own and a node certificate it signed (a stranger to the shared one).</summary>
    public static TestCertificates Create(string authorityName)
    {
        var folder = Directory.CreateTempSubdirectory("dispatch-test-tls-").FullName;
        var now = DateTimeOffset.UtcNow;
        using var authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var authorityRequest = new CertificateRequest($"CN={authorityName}", authorityKey, HashAlgorithmName.SHA256);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var authority = authorityRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        using var nodeKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var nodeRequest = new CertificateRequest("CN=dispatch-node", nodeKey, HashAlgorithmName.SHA256);
        nodeRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        nodeRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        nodeRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        nodeRequest.CertificateExtensions.Add(names.Build());
        using var node = nodeRequest.Create(authority, now.AddDays(-1), now.AddDays(29), RandomNumberGenerator.GetBytes(16));

        using var protectionKey = RSA.Create(2048);
        var protectionRequest = new CertificateRequest("CN=dispatch data protection", protectionKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var protection = protectionRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        File.WriteAllText(Path.Combine(folder, "ca.pem"), authority.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "node.pem"), node.ExportCertificatePem());
        WriteKey(Path.Combine(folder, "node.key"), nodeKey.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path.Combine(folder, "dataprotection.pem"), protection.ExportCertificatePem());
        WriteKey(Path.Combine(folder, "dataprotection.key"), protectionKey.ExportPkcs8PrivateKeyPem());
        return new TestCertificates(folder);
    }

    private static void WriteKey(string path, string pem)
    {
        File.WriteAllText(path, pem);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
