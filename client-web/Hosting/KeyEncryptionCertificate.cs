using System.Security.Cryptography.X509Certificates;
using Dispatch.Schema;
using Dispatch.Schema.Security;

namespace Dispatch.Web.Hosting;

/// <summary>
/// The certificate that encrypts the data-protection key ring at rest (DataProtection:CertificatePath, PFX or PEM with
/// DataProtection:KeyPath; an RSA key): the keys that sign cookies and tokens are stored in the database only encrypted.
/// </summary>
public static class KeyEncryptionCertificate
{
    public const string Section = "DataProtection";

    /// <summary>Environment variable holding the password of a PFX or an encrypted PEM key, if any.</summary>
    public const string PasswordVariable = "DISPATCH_DATA_PROTECTION_PASSWORD";

    public static X509Certificate2 Load(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var path = section["CertificatePath"] is { Length: > 0 } configured
            ? configured
            : throw new StartupConfigurationException(
                $"{Section}:CertificatePath is not set: the data-protection keys are stored encrypted with this certificate "
                + "(DataProtection__CertificatePath, DataProtection__KeyPath; deploy/run.sh makes one for local use).");
        var certificate = CertificateFile.LoadWithKey(path, section["KeyPath"], Environment.GetEnvironmentVariable(PasswordVariable), $"{Section}:CertificatePath");
        const string RsaAlgorithm = "1.2.840.113549.1.1.1";
        return certificate.PublicKey.Oid.Value == RsaAlgorithm
            ? certificate
            : throw new StartupConfigurationException($"{Section}:CertificatePath '{path}' must have an RSA key (XML encryption of the key ring needs one).");
    }
}
