namespace Dispatch.Errors;

/// <summary>Either a value or a domain error; grains return this instead of throwing for rule violations.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Outcome`1")]
public sealed record Outcome<T>([property: Id(0)] T? Value, [property: Id(1)] DomainError? Error)
{
    public bool Succeeded => Error is null;

    public static Outcome<T> Success(T value) => new(value, null);

    public static Outcome<T> Failure(DomainError error) => new(default, error);

    public static implicit operator Outcome<T>(DomainError error) => Failure(error);
}
