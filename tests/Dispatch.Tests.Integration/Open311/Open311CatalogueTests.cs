using Dispatch.Web.Open311;
using FluentAssertions;

namespace Dispatch.Tests.Integration.Open311;

/// <summary>The catalogue and the writer on their own, without a running system.</summary>
public sealed class Open311CatalogueTests
{
    [Fact]
    public void The_services_are_exactly_the_ticket_kinds_and_topics() =>
        Open311Services.MatchesTicketVocabulary.Should().BeTrue("a new kind or topic needs its Open311 names");

    [Fact]
    public void Every_service_code_finds_its_service_and_nothing_else_does()
    {
        Open311Services.All.Should().OnlyContain(s => Open311Services.Find(s.Code) == s);
        Open311Services.Find("complaint").Should().BeNull();
        Open311Services.Find("complaint-").Should().BeNull();
        Open311Services.Find(null).Should().BeNull();
    }

    [Fact]
    public void Times_are_written_in_jiaxing_with_their_offset() =>
        Open311Writer.Time(new DateTimeOffset(2026, 12, 2, 1, 30, 0, TimeSpan.Zero)).Should().Be("2026-12-02T09:30:00+08:00");

    [Theory]
    [InlineData("秀英", "王", "王秀英")]
    [InlineData("Xiuying", "Wang", "Xiuying Wang")]
    [InlineData(null, "王", "王")]
    [InlineData("秀英", null, "秀英")]
    public void The_callers_name_follows_the_order_of_its_script(string? first, string? last, string expected)
    {
        var form = new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>
        {
            ["service_code"] = "help-other",
        };
        if (first is not null)
        {
            form["first_name"] = first;
        }
        if (last is not null)
        {
            form["last_name"] = last;
        }

        var (submission, errors) = Open311Submission.Read(new Microsoft.AspNetCore.Http.FormCollection(form));

        errors.Should().BeEmpty();
        submission!.ToIntake(Open311Services.Find("help-other")!).CallerName.Should().Be(expected);
    }

    [Fact]
    public void The_same_form_on_another_day_is_another_request()
    {
        var form = new Microsoft.AspNetCore.Http.FormCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>
        {
            ["api_key"] = "o311_one", ["service_code"] = "help-other", ["description"] = "同一内容",
        });
        var other = new Microsoft.AspNetCore.Http.FormCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>
        {
            ["api_key"] = "o311_two", ["service_code"] = "help-other", ["description"] = " 同一内容 ",
        });
        var (submission, _) = Open311Submission.Read(form);
        var (sameWithOtherKey, _) = Open311Submission.Read(other);
        var day = new DateOnly(2026, 12, 2);

        submission!.DerivedIdempotencyKey(day).Should().Be(sameWithOtherKey!.DerivedIdempotencyKey(day), "the key's own value is not part of it");
        submission.DerivedIdempotencyKey(day).Should().NotBe(submission.DerivedIdempotencyKey(day.AddDays(1)));
    }
}
