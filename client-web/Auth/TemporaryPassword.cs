using System.Security.Cryptography;

namespace Dispatch.Web.Auth;

/// <summary>Random passwords handed out once (new account, reset, first administrator); they meet the password policy.</summary>
public static class TemporaryPassword
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "#@!%+=?";
    private const int Length = 18;

    public static string Generate()
    {
        var all = Upper + Lower + Digits + Symbols;
        var characters = new List<char>
        {
            Pick(Upper), Pick(Lower), Pick(Digits), Pick(Symbols),
        };
        while (characters.Count < Length)
        {
            characters.Add(Pick(all));
        }
        // Shuffle so the guaranteed classes are not always in front.
        for (var i = characters.Count - 1; i > 0; i--)
        {
            var j = RandomNumberGenerator.GetInt32(i + 1);
            (characters[i], characters[j]) = (characters[j], characters[i]);
        }
        return new string([.. characters]);
    }

    private static char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
}
