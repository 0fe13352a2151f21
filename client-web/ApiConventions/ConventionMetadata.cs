namespace Dispatch.Web.ApiConventions;

/// <summary>The endpoint reads If-Match (the item version it expects) and answers 412 when the item has moved on.</summary>
public sealed record IfMatchMetadata;

/// <summary>The endpoint's success answers carry the item's version as ETag.</summary>
public sealed record ETagMetadata;

/// <summary>The endpoint honours an Idempotency-Key: the same key returns the same item instead of a second one.</summary>
public sealed record IdempotencyKeyMetadata(bool Required, int MaxLength);

/// <summary>
/// Markers put where an endpoint is mapped, read by the OpenAPI transformers (ApiConventionTransformers) so that the
/// document says what the handler does with headers; the handler code and its marker sit on the same line.
/// </summary>
public static class ConventionMetadataExtensions
{
    public static TBuilder WithIfMatch<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new IfMatchMetadata(), new ETagMetadata());

    public static TBuilder WithETag<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ETagMetadata());

    public static TBuilder WithIdempotencyKey<TBuilder>(this TBuilder builder, bool required, int maxLength) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new IdempotencyKeyMetadata(required, maxLength));
}
