using System.Text;
using Dispatch.Web.Hosting;
using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Dispatch.Tests.Integration.Cluster;

/// <summary>The retry rules of FailoverRetry on a fake clock: what is retried, how often, how long, and what is not.</summary>
public sealed class FailoverRetryTests
{
    private readonly FakeTimeProvider time = new();
    private readonly FailoverMetrics metrics = new();
    private readonly FailoverRetryOptions options = new() { Budget = TimeSpan.FromSeconds(2.5), MaxAttempts = 10 };

    [Theory]
    [InlineData("GET", null, null, true)]
    [InlineData("HEAD", null, null, true)]
    [InlineData("POST", "key-1", null, true)]
    [InlineData("POST", null, "\"3\"", true)]
    [InlineData("POST", null, null, false)]
    [InlineData("PUT", "key-1", null, false)]
    [InlineData("DELETE", null, null, false)]
    public void Only_reads_keyed_posts_and_if_match_changes_are_idempotent(string method, string? key, string? ifMatch, bool idempotent)
    {
        var context = Request(method, key, ifMatch);

        IdempotentRequests.Includes(context.Request).Should().Be(idempotent);
    }

    [Fact]
    public void Requests_outside_the_api_are_not_retried() =>
        IdempotentRequests.Includes(Request("GET", null, null, "/hubs/supervision").Request).Should().BeFalse();

    [Fact]
    public async Task A_read_whose_silo_went_away_is_answered_by_a_later_attempt_after_doubling_pauses()
    {
        var attempts = new List<DateTimeOffset>();
        var run = Run(Request("GET", null, null), context =>
        {
            attempts.Add(time.GetUtcNow());
            if (attempts.Count < 3)
            {
                throw new SiloUnavailableException("gone");
            }
            context.Response.StatusCode = 200;
            return Task.CompletedTask;
        });

        await run;

        var pauses = attempts.Zip(attempts.Skip(1), (a, b) => b - a).ToList();
        pauses.Should().HaveCount(2);
        pauses[0].Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(200)).And.BeLessThan(TimeSpan.FromMilliseconds(300));
        pauses[1].Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(400)).And.BeLessThan(TimeSpan.FromMilliseconds(500));
        (metrics.Retries, metrics.Recovered, metrics.Exhausted).Should().Be((2, 1, 0));
    }

    [Fact]
    public async Task A_keyed_intake_reads_the_same_body_on_every_attempt()
    {
        var bodies = new List<string>();
        var context = Request("POST", "key-1", null);
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("{\"content\":\"来电\"}"));

        await Run(context, async c =>
        {
            bodies.Add(await new StreamReader(c.Request.Body, leaveOpen: true).ReadToEndAsync());
            if (bodies.Count == 1)
            {
                throw new TimeoutException("no answer from the silo");
            }
        });

        bodies.Should().Equal("{\"content\":\"来电\"}", "{\"content\":\"来电\"}");
    }

    [Fact]
    public async Task A_retry_starts_from_the_response_headers_of_before_the_first_attempt()
    {
        var context = Request("GET", null, null);
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        var seen = new List<string>();

        await Run(context, c =>
        {
            seen.Add(string.Join(",", c.Response.Headers.Keys.Order()));
            c.Response.Headers.ETag = "\"1\"";
            return seen.Count == 1 ? throw new SiloUnavailableException("gone") : Task.CompletedTask;
        });

        seen.Should().Equal("X-Content-Type-Options", "X-Content-Type-Options");
    }

    [Fact]
    public async Task When_the_budget_is_spent_the_failure_goes_on_to_the_503_answer()
    {
        var attempts = 0;
        var run = Run(Request("GET", null, null), _ =>
        {
            attempts++;
            throw new SiloUnavailableException("gone");
        });

        await run.Invoking(r => r).Should().ThrowAsync<SiloUnavailableException>();
        // Pauses of 0.2 + 0.4 + 0.8 s, then one of 1.6 s would end past the 2.5 s budget: four attempts, three retries.
        attempts.Should().Be(4);
        (metrics.Retries, metrics.Exhausted).Should().Be((3, 1));
    }

    [Fact]
    public async Task A_post_without_key_or_if_match_runs_once()
    {
        var attempts = 0;

        await Run(Request("POST", null, null), _ =>
        {
            attempts++;
            throw new SiloUnavailableException("gone");
        }).Invoking(r => r).Should().ThrowAsync<SiloUnavailableException>();

        attempts.Should().Be(1);
        (metrics.Retries, metrics.NotIdempotent).Should().Be((0, 1));
    }

    [Fact]
    public async Task A_database_failure_is_not_retried_but_answered_at_once()
    {
        var attempts = 0;

        await Run(Request("GET", null, null), _ =>
        {
            attempts++;
            throw new NpgsqlException("database unreachable", new TimeoutException());
        }).Invoking(r => r).Should().ThrowAsync<NpgsqlException>();

        attempts.Should().Be(1);
    }

    /// <summary>
    /// Runs the middleware, moving the fake clock on in 10 ms steps while it waits. Without the test's synchronization
    /// context its continuations run inside Advance, so each step finds it waiting again.
    /// </summary>
    private async Task Run(HttpContext context, RequestDelegate endpoint)
    {
        var middleware = new FailoverRetry(endpoint, Options.Create(options), time, metrics, NullLogger<FailoverRetry>.Instance);
        var outer = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        Task running;
        try
        {
            running = middleware.InvokeAsync(context);
            for (var step = 0; !running.IsCompleted && step < 2000; step++)
            {
                time.Advance(TimeSpan.FromMilliseconds(10));
                await Task.Yield();
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(outer);
        }
        await running;
    }

    private static DefaultHttpContext Request(string method, string? key, string? ifMatch, string path = "/api/tickets")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        if (key is not null)
        {
            context.Request.Headers["Idempotency-Key"] = key;
        }
        if (ifMatch is not null)
        {
            context.Request.Headers.IfMatch = ifMatch;
        }
        return context;
    }
}
