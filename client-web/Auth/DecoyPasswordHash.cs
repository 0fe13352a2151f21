using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Dispatch.Web.Auth;

/// <summary>
/// A hash of a random password, made once by the application's own password hasher (so with its iteration count).
/// A sign-in that would be refused before any password is checked (unknown e-mail, locked or disabled account) verifies
/// the given password against it, so it costs what a wrong password costs and its timing does not tell the accounts apart.
/// </summary>
public sealed class DecoyPasswordHash
{
    private static readonly ApplicationUser Nobody = new();

    private string? hash;

    /// <summary>Spends one password verification; the outcome is meaningless and never used.</summary>
    public void Verify(IPasswordHasher<ApplicationUser> hasher, string password)
    {
        var decoy = Volatile.Read(ref hash);
        if (decoy is null)
        {
            Interlocked.CompareExchange(ref hash, hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))), null);
            decoy = Volatile.Read(ref hash)!;
        }
        hasher.VerifyHashedPassword(Nobody, decoy, password);
    }
}
