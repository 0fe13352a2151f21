using Dispatch.Errors;
using Dispatch.Items;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Items;

/// <summary>Readable checks on what a case or visit life cycle decided.</summary>
internal static class ChangeAssertions
{
    public static void ShouldRecord<TEvent>(this Change<TEvent> change, params TEvent[] expected)
    {
        change.Error.Should().BeNull();
        change.Events.Should().Equal(expected);
    }

    /// <summary>Refused with that kind of error, and nothing recorded.</summary>
    public static DomainError ShouldBeRefused<TEvent>(this Change<TEvent> change, DomainErrorKind kind)
    {
        change.Events.Should().BeEmpty();
        change.Error.Should().NotBeNull();
        change.Error!.Kind.Should().Be(kind);
        return change.Error;
    }

    public static DomainError ShouldConflict<TEvent>(this Change<TEvent> change, string code)
    {
        var error = change.ShouldBeRefused(DomainErrorKind.Conflict);
        error.Code.Should().Be(code);
        return error;
    }

    /// <summary>A validation error naming exactly these fields with these codes.</summary>
    public static void ShouldReportFields<TEvent>(this Change<TEvent> change, params (string Field, string Code)[] expected) =>
        change.ShouldBeRefused(DomainErrorKind.Validation).Fields.Select(f => (f.Field, f.Code)).Should().Equal(expected);
}
