using Dispatch.Notifications;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Tests.Unit.Notifications;

public sealed class OutboxRetryPolicyTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 3, 1, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 5)]
    [InlineData(3, 30)]
    [InlineData(4, 120)]
    public void A_failed_attempt_waits_the_delay_of_its_rank_before_the_next(int attempts, int minutes)
    {
        var outcome = OutboxRetryPolicy.Default.AfterFailure(attempts, clock.GetUtcNow());

        outcome.Status.Should().Be(NotificationStatuses.Failed);
        outcome.NextAttemptAt.Should().Be(clock.GetUtcNow().AddMinutes(minutes));
    }

    [Fact]
    public void The_fifth_failed_attempt_gives_the_message_up_as_dead()
    {
        var outcome = OutboxRetryPolicy.Default.AfterFailure(5, clock.GetUtcNow());

        outcome.Should().Be(new AttemptOutcome(NotificationStatuses.Dead, null));
        OutboxRetryPolicy.Default.MaxAttempts.Should().Be(5);
    }

    [Fact]
    public void A_message_retried_by_hand_after_it_was_dead_is_dead_again_when_that_attempt_fails()
    {
        OutboxRetryPolicy.Default.AfterFailure(6, clock.GetUtcNow()).Status.Should().Be(NotificationStatuses.Dead);
    }

    [Fact]
    public void Configured_delays_set_the_schedule_and_the_number_of_attempts()
    {
        var policy = new OutboxRetryPolicy([TimeSpan.FromSeconds(10)]);

        policy.AfterFailure(1, clock.GetUtcNow()).NextAttemptAt.Should().Be(clock.GetUtcNow().AddSeconds(10));
        policy.AfterFailure(2, clock.GetUtcNow()).Status.Should().Be(NotificationStatuses.Dead);
    }
}
