using System.Text.Json;
using FluentAssertions;

namespace Dispatch.Tests.Integration.Cluster;

/// <summary>
/// A silo holding tickets' activations dies abruptly under a running web app (SiloKillStorm): idempotent requests are
/// retried on the other silo within the request and answer as if nothing happened, what is not idempotent answers 503
/// with Retry-After, and nothing answers 500.
/// </summary>
[Trait("Category", "Resilience")]
public sealed class SiloKillFailoverTests(SiloKillStorm storm) : IClassFixture<SiloKillStorm>
{
    [Fact]
    public void Reads_keyed_intakes_and_if_match_actions_never_answer_5xx_while_a_silo_dies()
    {
        storm.Answers.Should().NotBeEmpty();
        storm.Answers.Where(a => a.Status >= 500).Should().BeEmpty("idempotent requests are retried on the surviving silo");
        storm.Answers.Where(a => a.Kind == SiloKillStorm.Get).Should().OnlyContain(a => a.Status == 200);
        storm.Answers.Where(a => a.Kind == SiloKillStorm.KeyedIntake).Should().OnlyContain(a => a.Status == 201 || a.Status == 200, "a retry after a lost answer finds the ticket");
        storm.Answers.Where(a => a.Kind == SiloKillStorm.IfMatchAction).Should()
            .NotBeEmpty().And.OnlyContain(a => a.Status == 200 || a.Status == 412, "a retry after a lost answer may find the version moved on");
    }

    [Fact]
    public void The_victims_requests_were_answered_by_retries()
    {
        storm.Metrics.Retries.Should().BePositive("requests met the dead silo");
        storm.Metrics.Recovered.Should().BePositive();
        storm.Metrics.Exhausted.Should().Be(0);
    }

    [Fact]
    public void A_keyed_intake_repeated_while_its_silo_dies_answers_the_same_ticket()
    {
        storm.RepeatedIntake.Status.Should().Be(200, storm.RepeatedIntake.Body);
        storm.RepeatedIntake.TicketId.Should().Be(storm.RepeatedIntakeFirstId);
    }

    [Fact]
    public void Every_intake_of_the_storm_was_stored_once_under_its_key()
    {
        storm.Replays.Should().HaveCount(storm.IntakeIds.Count).And.OnlyContain(r => r.Status == 200);
        storm.Replays.Select(r => r.TicketId).Should().BeEquivalentTo(storm.IntakeIds.Values);
        storm.IntakeIds.Values.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void A_post_without_if_match_to_the_dead_silo_answers_503_with_retry_after_and_is_not_retried()
    {
        var answer = storm.Unguarded;
        answer.Status.Should().Be(503, answer.Body);
        answer.RetryAfter.Should().Be(TimeSpan.FromSeconds(5));
        var problem = JsonDocument.Parse(answer.Body).RootElement;
        problem.GetProperty("code").GetString().Should().Be("unavailable");
        problem.GetProperty("zh").GetProperty("title").GetString().Should().Be("服务暂不可用");
        problem.GetProperty("en").GetProperty("title").GetString().Should().Be("Service unavailable");
        storm.Metrics.NotIdempotent.Should().BePositive();
    }
}
