using Dispatch.Errors;
using Dispatch.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Tickets;

/// <summary>Readable checks on what the life cycle decided.</summary>
internal static class DecisionAssertions
{
    public static void ShouldRecord(this Decision decision, params TicketEvent[] expected)
    {
        decision.Error.Should().BeNull();
        decision.Events.Should().Equal(expected);
    }

    /// <summary>Refused with that kind of error, and nothing recorded.</summary>
    public static DomainError ShouldBeRefused(this Decision decision, DomainErrorKind kind)
    {
        decision.Events.Should().BeEmpty();
        decision.Error.Should().NotBeNull();
        decision.Error!.Kind.Should().Be(kind);
        return decision.Error;
    }

    public static DomainError ShouldConflict(this Decision decision, string code)
    {
        var error = decision.ShouldBeRefused(DomainErrorKind.Conflict);
        error.Code.Should().Be(code);
        return error;
    }

    /// <summary>A validation error naming exactly these fields with these codes.</summary>
    public static void ShouldReportFields(this Decision decision, params (string Field, string Code)[] expected) =>
        decision.ShouldBeRefused(DomainErrorKind.Validation).Fields.Select(f => (f.Field, f.Code)).Should().Equal(expected);
}
