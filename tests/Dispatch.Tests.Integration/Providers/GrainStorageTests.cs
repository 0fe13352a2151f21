using Dispatch.Tests.Fixtures;
using FluentAssertions;
using Npgsql;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using Xunit;

namespace Dispatch.Tests.Integration.Providers;

/// <summary>The real AdoNetGrainStorage (Orleans 10.4.2, System.Text.Json serializer) on our 0002 migration.</summary>
[Collection(PostgresCollection.Name)]
public sealed class GrainStorageTests(PostgresFixture postgres)
{
    private const string StateName = "case-file";

    private readonly string serviceId = "storage-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_grain_never_written_reads_as_default_state_without_etag()
    {
        var storage = await StartAsync();
        var state = new GrainState<CaseFileState>();

        await storage.ReadStateAsync(StateName, NewGrain("guid"), state);

        state.State.Should().BeEquivalentTo(new CaseFileState());
        state.ETag.Should().BeNull();
        state.RecordExists.Should().BeFalse();
    }

    [Theory]
    [InlineData("guid")]
    [InlineData("guid-with-extension")]
    [InlineData("integer")]
    [InlineData("integer-with-extension")]
    [InlineData("string")]
    public async Task Written_state_is_read_back_with_its_etag(string keyKind)
    {
        var storage = await StartAsync();
        var grain = NewGrain(keyKind);
        var written = new GrainState<CaseFileState>(CaseFile("leaking hydrant", 3));

        await storage.WriteStateAsync(StateName, grain, written);

        written.ETag.Should().NotBeNullOrEmpty();
        written.RecordExists.Should().BeTrue();
        var read = new GrainState<CaseFileState>();
        await storage.ReadStateAsync(StateName, grain, read);
        read.State.Should().BeEquivalentTo(written.State);
        read.ETag.Should().Be(written.ETag);
        read.RecordExists.Should().BeTrue();
    }

    [Fact]
    public async Task Each_write_gives_the_state_a_new_etag()
    {
        var storage = await StartAsync();
        var grain = NewGrain("guid");
        var state = new GrainState<CaseFileState>(CaseFile("first", 1));
        await storage.WriteStateAsync(StateName, grain, state);
        var firstEtag = state.ETag;

        state.State = CaseFile("second", 2);
        await storage.WriteStateAsync(StateName, grain, state);

        state.ETag.Should().NotBe(firstEtag);
        var read = new GrainState<CaseFileState>();
        await storage.ReadStateAsync(StateName, grain, read);
        read.State!.Summary.Should().Be("second");
        read.ETag.Should().Be(state.ETag);
    }

    [Fact]
    public async Task Stale_etag_write_is_rejected()
    {
        var storage = await StartAsync();
        var grain = NewGrain("integer");
        var current = new GrainState<CaseFileState>(CaseFile("original", 1));
        await storage.WriteStateAsync(StateName, grain, current);
        var stale = new GrainState<CaseFileState>(CaseFile("stale copy", 9), current.ETag);
        current.State = CaseFile("newer", 2);
        await storage.WriteStateAsync(StateName, grain, current);

        var write = () => storage.WriteStateAsync(StateName, grain, stale);

        await write.Should().ThrowAsync<InconsistentStateException>();
        var read = new GrainState<CaseFileState>();
        await storage.ReadStateAsync(StateName, grain, read);
        read.State!.Summary.Should().Be("newer");
        read.ETag.Should().Be(current.ETag);
    }

    [Fact]
    public async Task Creating_state_that_another_activation_already_created_is_rejected()
    {
        var storage = await StartAsync();
        var grain = NewGrain("string");
        await storage.WriteStateAsync(StateName, grain, new GrainState<CaseFileState>(CaseFile("winner", 1)));

        var write = () => storage.WriteStateAsync(StateName, grain, new GrainState<CaseFileState>(CaseFile("late", 1)));

        await write.Should().ThrowAsync<InconsistentStateException>();
        var read = new GrainState<CaseFileState>();
        await storage.ReadStateAsync(StateName, grain, read);
        read.State!.Summary.Should().Be("winner");
    }

    [Fact]
    public async Task Cleared_state_reads_as_default_and_can_be_written_again()
    {
        var storage = await StartAsync();
        var grain = NewGrain("guid");
        var state = new GrainState<CaseFileState>(CaseFile("to be cleared", 4));
        await storage.WriteStateAsync(StateName, grain, state);
        var writtenEtag = state.ETag;

        await storage.ClearStateAsync(StateName, grain, state);

        state.RecordExists.Should().BeFalse();
        state.ETag.Should().NotBeNullOrEmpty().And.NotBe(writtenEtag);
        var read = new GrainState<CaseFileState>();
        await storage.ReadStateAsync(StateName, grain, read);
        read.State.Should().BeEquivalentTo(new CaseFileState());
        read.RecordExists.Should().BeFalse();
        read.ETag.Should().Be(state.ETag);
        read.State = CaseFile("reopened", 5);
        await storage.WriteStateAsync(StateName, grain, read);
        read.RecordExists.Should().BeTrue();
    }

    [Fact]
    public async Task Clear_with_a_stale_etag_is_rejected()
    {
        var storage = await StartAsync();
        var grain = NewGrain("guid");
        var current = new GrainState<CaseFileState>(CaseFile("kept", 1));
        await storage.WriteStateAsync(StateName, grain, current);
        var stale = new GrainState<CaseFileState>(current.State, current.ETag) { RecordExists = true };
        await storage.WriteStateAsync(StateName, grain, current);

        var clear = () => storage.ClearStateAsync(StateName, grain, stale);

        await clear.Should().ThrowAsync<InconsistentStateException>();
        var read = new GrainState<CaseFileState>();
        await storage.ReadStateAsync(StateName, grain, read);
        read.RecordExists.Should().BeTrue();
        read.State!.Summary.Should().Be("kept");
    }

    [Fact]
    public async Task Delete_on_clear_removes_the_row_and_the_next_write_starts_afresh()
    {
        var storage = await StartAsync(deleteStateOnClear: true);
        var grain = NewGrain("integer");
        var state = new GrainState<CaseFileState>(CaseFile("short lived", 1));
        await storage.WriteStateAsync(StateName, grain, state);

        await storage.ClearStateAsync(StateName, grain, state);

        state.ETag.Should().BeNull();
        (await StoredRowCountAsync()).Should().Be(0);
        state.State = CaseFile("second life", 2);
        await storage.WriteStateAsync(StateName, grain, state);
        state.RecordExists.Should().BeTrue();
        (await StoredRowCountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Delete_on_clear_with_a_stale_etag_is_rejected()
    {
        var storage = await StartAsync(deleteStateOnClear: true);
        var grain = NewGrain("guid");
        var current = new GrainState<CaseFileState>(CaseFile("kept", 1));
        await storage.WriteStateAsync(StateName, grain, current);
        var stale = new GrainState<CaseFileState>(current.State, current.ETag) { RecordExists = true };
        await storage.WriteStateAsync(StateName, grain, current);

        var clear = () => storage.ClearStateAsync(StateName, grain, stale);

        await clear.Should().ThrowAsync<InconsistentStateException>();
        (await StoredRowCountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Grains_differing_only_in_key_extension_keep_separate_state()
    {
        var storage = await StartAsync();
        var key = Guid.NewGuid();
        var plain = GrainId.Create(GrainType.Create("casefile"), GrainIdKeyExtensions.CreateGuidKey(key));
        var extended = GrainId.Create(GrainType.Create("casefile"), GrainIdKeyExtensions.CreateGuidKey(key, "county-330402"));
        await storage.WriteStateAsync(StateName, plain, new GrainState<CaseFileState>(CaseFile("plain", 1)));
        await storage.WriteStateAsync(StateName, extended, new GrainState<CaseFileState>(CaseFile("extended", 2)));

        var read = new GrainState<CaseFileState>();
        await storage.ReadStateAsync(StateName, extended, read);

        read.State!.Summary.Should().Be("extended");
        (await StoredRowCountAsync()).Should().Be(2);
    }

    [Fact]
    public async Task Services_do_not_see_each_others_state()
    {
        var storage = await StartAsync();
        var grain = NewGrain("guid");
        await storage.WriteStateAsync(StateName, grain, new GrainState<CaseFileState>(CaseFile("mine", 1)));
        var other = await AdoNetProviders.StartGrainStorageAsync(postgres.ConnectionString, serviceId + "-other");

        var read = new GrainState<CaseFileState>();
        await other.ReadStateAsync(StateName, grain, read);

        read.RecordExists.Should().BeFalse();
    }

    [Fact]
    public async Task Stored_payload_is_plain_json_without_type_names()
    {
        var storage = await StartAsync();
        await storage.WriteStateAsync(StateName, NewGrain("guid"), new GrainState<CaseFileState>(CaseFile("readable", 7)));

        await using var dataSource = NpgsqlDataSource.Create(postgres.ConnectionString);
        await using var command = dataSource.CreateCommand(
            "select convert_from(payload_binary, 'UTF8')::jsonb from orleans_storage where service_id = @serviceId");
        command.Parameters.AddWithValue("serviceId", serviceId);
        var json = (string?)await command.ExecuteScalarAsync();

        json.Should().Contain("\"Summary\": \"readable\"").And.Contain("\"Revision\": 7").And.NotContain("$type");
    }

    private Task<AdoNetGrainStorage> StartAsync(bool deleteStateOnClear = false) =>
        AdoNetProviders.StartGrainStorageAsync(postgres.ConnectionString, serviceId, deleteStateOnClear);

    private async Task<long> StoredRowCountAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(postgres.ConnectionString);
        await using var command = dataSource.CreateCommand("select count(*) from orleans_storage where service_id = @serviceId");
        command.Parameters.AddWithValue("serviceId", serviceId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static GrainId NewGrain(string keyKind)
    {
        var type = GrainType.Create("casefile");
        return keyKind switch
        {
            "guid" => GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid())),
            "guid-with-extension" => GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid(), "ext")),
            "integer" => GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(Random.Shared.NextInt64())),
            "integer-with-extension" => GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(Random.Shared.NextInt64(), "ext")),
            "string" => GrainId.Create(type, "ticket-" + Guid.NewGuid().ToString("N")),
            _ => throw new ArgumentOutOfRangeException(nameof(keyKind), keyKind, "Unknown key kind."),
        };
    }

    private static CaseFileState CaseFile(string summary, int revision) => new()
    {
        Summary = summary,
        Revision = revision,
        Notes = [$"note for {summary}"],
    };
}

/// <summary>A stand-in grain state: a plain class, as grain state classes are.</summary>
public sealed class CaseFileState
{
    public string Summary { get; set; } = "";

    public int Revision { get; set; }

    public List<string> Notes { get; set; } = [];
}
