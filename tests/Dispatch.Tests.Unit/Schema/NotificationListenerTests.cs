using Dispatch.Schema.Notifications;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Dispatch.Tests.Unit.Schema;

public sealed class NotificationListenerTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(4, 40)]
    [InlineData(5, 60)]
    [InlineData(1000, 60)]
    public void Retries_wait_five_seconds_then_twice_as_long_each_time_up_to_a_minute(int failures, int seconds)
    {
        NotificationListener.RetryAfter(failures).Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData("auth_session_revoked; drop table x")]
    [InlineData("Upper")]
    [InlineData("")]
    public void A_channel_that_is_not_a_plain_identifier_is_refused(string channel)
    {
        using var database = NpgsqlDataSource.Create("Host=127.0.0.1");

        var create = () => new NotificationListener(database, [channel], TimeProvider.System, NullLogger.Instance);

        create.Should().Throw<ArgumentException>();
    }
}
