using System.Diagnostics.CodeAnalysis;
using Dispatch.Errors;

namespace Dispatch.Tickets;

/// <summary>Either every field error of an intake, or the normalised intake.</summary>
public sealed class IntakeValidation
{
    private IntakeValidation(ValidIntake? intake, DomainError? error)
    {
        Intake = intake;
        Error = error;
    }

    public ValidIntake? Intake { get; }

    /// <summary>A validation error carrying all field errors at once; null when the intake is valid.</summary>
    public DomainError? Error { get; }

    public IReadOnlyList<FieldError> Errors => Error is null ? [] : Error.Fields;

    [MemberNotNullWhen(true, nameof(Intake))]
    public bool IsValid => Intake is not null;

    internal static IntakeValidation Valid(ValidIntake intake) => new(intake, null);

    internal static IntakeValidation Invalid(IReadOnlyList<FieldError> errors) => new(null, DomainError.Validation([.. errors]));
}
