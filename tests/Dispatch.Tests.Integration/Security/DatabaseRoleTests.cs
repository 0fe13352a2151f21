using Dispatch.Tests.Fixtures;
using FluentAssertions;
using Npgsql;

namespace Dispatch.Tests.Integration.Security;

/// <summary>The application role (what silos and web apps connect as) owns nothing, changes no schema and never rewrites the audit trail.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabaseRoleTests(PostgresFixture database)
{
    [Fact]
    public async Task The_application_role_is_not_a_superuser_and_owns_nothing()
    {
        await using var application = database.CreateDataSource();
        await using var command = application.CreateCommand("""
            select r.rolname, r.rolsuper, r.rolcreaterole, r.rolcreatedb,
                   (select count(*) from pg_class c where c.relowner = r.oid),
                   (select count(*) from pg_database d where d.datdba = r.oid)
            from pg_roles r where r.rolname = current_user
            """);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue();
        reader.GetString(0).Should().Be(PostgresFixture.ApplicationRole);
        reader.GetBoolean(1).Should().BeFalse("the application role is no superuser");
        reader.GetBoolean(2).Should().BeFalse();
        reader.GetBoolean(3).Should().BeFalse();
        reader.GetInt64(4).Should().Be(0, "the application role owns no table, view or sequence");
        reader.GetInt64(5).Should().Be(0);
    }

    [Fact]
    public async Task The_application_role_may_not_create_a_table()
    {
        var act = () => ExecuteAsync("create table intruder (id int)");

        (await act.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.InsufficientPrivilege);
    }

    [Theory]
    [InlineData("update domain_events set event_type = 'rewritten' where stream_id = $1")]
    [InlineData("delete from domain_events where stream_id = $1")]
    [InlineData("truncate domain_events")]
    [InlineData("update personal_data_access_log set user_id = 'someone else' where item_id = $1")]
    [InlineData("delete from personal_data_access_log where item_id = $1")]
    [InlineData("delete from calendar_changes where reason = $1")]
    [InlineData("delete from sla_rule_versions where reason = $1")]
    [InlineData("delete from open311_key_events where action = $1")]
    [InlineData("update open311_key_events set actor_email = 'someone else' where action = $1")]
    public async Task The_application_role_may_not_rewrite_an_append_only_log(string sql)
    {
        var stream = await AppendEventAsync();

        var act = () => ExecuteAsync(sql, stream);

        (await act.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.InsufficientPrivilege);
        (await CountEventsAsync(stream)).Should().Be(1, "the event is still there, unchanged");
    }

    [Fact]
    public async Task The_application_role_appends_events_and_reads_them()
    {
        var stream = await AppendEventAsync();

        (await CountEventsAsync(stream)).Should().Be(1);
    }

    [Fact]
    public async Task The_schema_owner_runs_the_migrations_and_owns_every_table()
    {
        await using var owner = NpgsqlDataSource.Create(database.SchemaConnectionString);
        await using var command = owner.CreateCommand("""
            select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'S') and pg_get_userbyid(c.relowner) <> $1
              and not exists (select from pg_depend d where d.objid = c.oid and d.deptype = 'e')
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = PostgresFixture.OwnerRole });

        ((long)(await command.ExecuteScalarAsync())!).Should().Be(0);
    }

    private async Task<string> AppendEventAsync()
    {
        var stream = "role-test-" + Guid.NewGuid().ToString("N");
        await ExecuteAsync("""
            insert into domain_events (stream_id, version, stream_type, event_type, payload, actor_id, actor_role, occurred_at)
            values ($1, 1, 'probe', 'probed', '{}', 'test', 'operator', now())
            """, stream);
        return stream;
    }

    private async Task<long> CountEventsAsync(string stream)
    {
        await using var application = database.CreateDataSource();
        await using var command = application.CreateCommand("select count(*) from domain_events where stream_id = $1 and event_type = 'probed'");
        command.Parameters.Add(new NpgsqlParameter { Value = stream });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql, params object[] values)
    {
        await using var application = database.CreateDataSource();
        await using var command = application.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        await command.ExecuteNonQueryAsync();
    }
}
