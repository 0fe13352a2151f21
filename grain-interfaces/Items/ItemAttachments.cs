using System.Collections.Immutable;
using Dispatch.Errors;
using Dispatch.Identity;

namespace Dispatch.Items;

/// <summary>
/// Files on any item (ticket, legal-aid case, visit): scanned letters, photos, documents. The bytes live in the web
/// app's attachment store; the item records each upload as an event and is the one that says who may add, list and
/// fetch them. An attachment the item has not recorded does not exist.
/// </summary>
[Alias("Dispatch.Items.IAttachedItem")]
public interface IAttachedItem : IGrainWithGuidKey
{
    /// <summary>
    /// Before the bytes are stored: whether the user may add a file to the item (outside the scope NotFound, then
    /// Forbidden). Answers the attachment already recorded under <paramref name="attachmentId"/>, if any (a repeat).
    /// </summary>
    [Alias("MayAttach")] Task<Outcome<ItemAttachment?>> MayAttach(Guid attachmentId, Actor actor);

    /// <summary>Records a stored file on the item (an event in its history); the same id again answers the same attachment.</summary>
    [Alias("RecordAttachment")] Task<Outcome<ItemAttachment>> RecordAttachment(AttachmentUpload upload, Actor actor);

    /// <summary>The item's attachments, oldest first, for whoever sees the item.</summary>
    [Alias("Attachments")] Task<Outcome<ImmutableArray<ItemAttachment>>> Attachments(Actor actor);

    /// <summary>
    /// One attachment for download, for whoever sees the item: a full view of possibly personal data, so the grain writes
    /// the personal-data access-log row before it answers (never the file name).
    /// </summary>
    [Alias("OpenAttachment")] Task<Outcome<ItemAttachment>> OpenAttachment(Guid attachmentId, string? clientAddress, Actor actor);
}

/// <summary>A file the store holds, as the item is to record it (checked by content at the edge).</summary>
/// <param name="ContentType">One of <see cref="AttachmentTypes.All"/>, detected from the bytes.</param>
/// <param name="Sha256">Lower-case hex of the content's SHA-256.</param>
[GenerateSerializer, Immutable, Alias("Dispatch.Items.AttachmentUpload")]
public sealed record AttachmentUpload(
    [property: Id(0)] Guid AttachmentId,
    [property: Id(1)] string FileName,
    [property: Id(2)] string ContentType,
    [property: Id(3)] long Size,
    [property: Id(4)] string Sha256,
    [property: Id(5)] string? Note)
{
    /// <summary>Records print themselves into logs and exceptions: the file's name and note stay out.</summary>
    public override string ToString() => $"AttachmentUpload {{ AttachmentId = {AttachmentId}, ContentType = {ContentType}, Size = {Size} }}";
}

/// <summary>One attachment of an item: what it is, who added it and when.</summary>
[GenerateSerializer, Immutable, Alias("Dispatch.Items.ItemAttachment")]
public sealed record ItemAttachment(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string FileName,
    [property: Id(2)] string ContentType,
    [property: Id(3)] long Size,
    [property: Id(4)] string Sha256,
    [property: Id(5)] string? Note,
    [property: Id(6)] string UploadedBy,
    [property: Id(7)] string UploaderName,
    [property: Id(8)] DateTimeOffset UploadedAt)
{
    /// <summary>Records print themselves into logs and exceptions: the file's name and note stay out.</summary>
    public override string ToString() => $"ItemAttachment {{ Id = {Id}, ContentType = {ContentType}, Size = {Size} }}";
}

/// <summary>The kinds of file an item accepts, by the type their content shows (never by name or declared type).</summary>
public static class AttachmentTypes
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Tiff = "image/tiff";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IReadOnlyList<string> All { get; } = [Pdf, Jpeg, Png, Tiff, Docx, Xlsx];

    /// <summary>The file-name extensions each type may carry; a name with another extension is refused.</summary>
    public static IReadOnlyList<string> ExtensionsOf(string contentType) => contentType switch
    {
        Pdf => [".pdf"],
        Jpeg => [".jpg", ".jpeg"],
        Png => [".png"],
        Tiff => [".tif", ".tiff"],
        Docx => [".docx"],
        Xlsx => [".xlsx"],
        _ => [],
    };

    /// <summary>The event type of an upload in every item's event log.</summary>
    public const string AttachmentAddedEvent = "attachment_added";

    /// <summary>The longest file name kept, in characters (the extension stays).</summary>
    public const int MaxFileName = 120;
}
