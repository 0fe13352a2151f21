using Dispatch.Schema;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Dispatch.Tests.Unit.Schema;

public sealed class DatabaseConnectionTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void A_database_url_becomes_an_npgsql_connection_string()
    {
        var builder = new NpgsqlConnectionStringBuilder(DatabaseConnection.FromUrl("postgres://dispatch:p%40ss@db.local:6543/hotline"));
        builder.Host.Should().Be("db.local");
        builder.Port.Should().Be(6543);
        builder.Database.Should().Be("hotline");
        builder.Username.Should().Be("dispatch");
        builder.Password.Should().Be("p@ss");
    }

    [Fact]
    public void The_connection_string_wins_over_the_url() =>
        DatabaseConnection.Resolve(Config(("ConnectionStrings:Dispatch", "Host=a;Database=b"), ("DATABASE_URL", "postgres://x@y/z")))
            .Should().Be("Host=a;Database=b");

    [Fact]
    public void Missing_configuration_names_both_settings() =>
        FluentActions.Invoking(() => DatabaseConnection.Resolve(Config()))
            .Should().Throw<StartupConfigurationException>().Which.Message.Should().Contain("ConnectionStrings__Dispatch").And.Contain("DATABASE_URL");

    [Theory]
    [InlineData("mysql://a@b/c")]
    [InlineData("not a url")]
    public void A_malformed_url_is_refused_with_a_clear_message(string url) =>
        FluentActions.Invoking(() => DatabaseConnection.Resolve(Config(("DATABASE_URL", url))))
            .Should().Throw<StartupConfigurationException>().Which.Message.Should().Contain("DATABASE_URL");

    [Fact]
    public void A_malformed_connection_string_is_refused() =>
        FluentActions.Invoking(() => DatabaseConnection.Resolve(Config(("ConnectionStrings:Dispatch", "Hots=1;;=="))))
            .Should().Throw<StartupConfigurationException>();

    [Fact]
    public void Startup_problems_are_one_line_without_a_stack_trace()
    {
        var line = StartupProblem.Describe(new InvalidOperationException("wrapper", new StartupConfigurationException("bad port")));
        line.Should().Be("Configuration error: bad port");
        StartupProblem.Describe(new InvalidOperationException("something else")).Should().BeNull();
    }

    [Fact]
    public void The_data_source_prepares_statements_used_often_and_does_not_reset_connections_unless_told_otherwise()
    {
        using var defaults = DatabaseConnection.CreateDataSource("Host=db.local;Database=dispatch");
        var settings = new NpgsqlConnectionStringBuilder(defaults.ConnectionString);
        settings.MaxAutoPrepare.Should().Be(64);
        settings.NoResetOnClose.Should().BeTrue();

        using var told = DatabaseConnection.CreateDataSource("Host=db.local;Database=dispatch;Max Auto Prepare=0;No Reset On Close=false");
        var kept = new NpgsqlConnectionStringBuilder(told.ConnectionString);
        kept.MaxAutoPrepare.Should().Be(0);
        kept.NoResetOnClose.Should().BeFalse();
    }
}
