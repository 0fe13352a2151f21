namespace Dispatch.Web.Attachments;

/// <summary>A file's facts as the store keeps them beside its bytes.</summary>
/// <param name="ItemType">The item's type (ItemTypes), with <paramref name="ItemId"/> the item the file belongs to.</param>
public sealed record StoredAttachment(
    Guid Id, string ItemType, Guid ItemId, string FileName, string ContentType, long Size, string Sha256, string UploadedBy,
    DateTimeOffset UploadedAt)
{
    /// <summary>Records print themselves into logs and exceptions: the file's name stays out.</summary>
    public override string ToString() => $"StoredAttachment {{ Id = {Id}, ItemType = {ItemType}, ItemId = {ItemId}, Size = {Size} }}";
}

/// <summary>
/// Where the bytes of attachments live (PostgreSQL by default; a city can plug in object storage by registering another
/// implementation). The item grain decides what exists: the web app stores a file, then asks the item to record it, and
/// serves only what the item recorded. Each write is all or nothing: a failed put leaves no part of the file.
/// </summary>
public interface IAttachmentStore
{
    /// <summary>
    /// Stores the file under its id; when the id holds a file already (a repeated upload), keeps that one. Answers the
    /// SHA-256 of the file now stored under the id, so a caller can tell a repeat of the same file from another file.
    /// </summary>
    Task<string> PutAsync(StoredAttachment attachment, Stream content, CancellationToken ct);

    /// <summary>Streams the file's bytes into <paramref name="destination"/>; false (nothing written) when there is no such file.</summary>
    Task<bool> CopyToAsync(string itemType, Guid itemId, Guid attachmentId, Stream destination, CancellationToken ct);

    /// <summary>The facts of every file stored for the item, oldest first.</summary>
    Task<IReadOnlyList<StoredAttachment>> ListAsync(string itemType, Guid itemId, CancellationToken ct);

    /// <summary>Removes a file the item refused to record (the upload then failed as a whole).</summary>
    Task DeleteAsync(Guid attachmentId, CancellationToken ct);
}
