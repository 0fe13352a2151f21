using Dispatch.Tests.Integration.Web;
using FluentAssertions;
using Npgsql;

namespace Dispatch.Tests.Integration.Security;

/// <summary>The data-protection keys (which sign cookies and tokens) are stored in the database encrypted with the key-encryption certificate.</summary>
public sealed class KeyRingEncryptionTests(RunningSystem system) : IClassFixture<RunningSystem>
{
    [Fact]
    public async Task Stored_keys_carry_no_plain_master_key()
    {
        using var signedIn = await system.SignInAsync("operator@jx12385.test");

        var keys = await StoredKeysAsync();

        keys.Should().NotBeEmpty("signing in creates the key ring");
        keys.Should().AllSatisfy(xml =>
        {
            xml.Should().Contain("<encryptedSecret", "the key is encrypted with the certificate");
            xml.Should().Contain("EncryptedData");
            xml.Should().NotContain("<value>", "no master key in plain text");
        });
    }

    private async Task<List<string>> StoredKeysAsync()
    {
        await using var source = NpgsqlDataSource.Create(system.ConnectionString);
        await using var command = source.CreateCommand("""select "Xml" from "DataProtectionKeys" """);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }
        return keys;
    }
}
