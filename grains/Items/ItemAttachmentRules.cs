using System.Collections.Immutable;
using Dispatch.Errors;

namespace Dispatch.Items;

/// <summary>
/// Who may add files to an item and read them, and what an upload must be to be recorded. Whoever sees the item lists
/// and downloads its files; the unit holding it (staff and head), supervisors in scope and administrators add them, and on
/// a ticket the hotline's operators too. Pure: no I/O, no clock.
/// </summary>
public static class ItemAttachmentRules
{
    /// <param name="hotline">An operator of the hotline who sees the item and may act on it (tickets only).</param>
    public static DomainError? MayAttach(ItemVocabulary words, ItemWorker who, bool hotline)
    {
        if (!who.Visible)
        {
            return ActionGate.NotFound(words);
        }
        return who.Staff || who.Supervisor || hotline
            ? null
            : DomainError.Forbidden($"只有承办单位、督办人员或话务员可以为该{words.Name.Zh}上传附件。",
                $"Only the handling unit, supervisors or the hotline may add files to this {words.Name.En}.");
    }

    /// <summary>Before the bytes are stored: the refusal, or the attachment already recorded under this id (null: none).</summary>
    public static Outcome<ItemAttachment?> Check(ItemVocabulary words, ItemWorker who, bool hotline, ImmutableList<ItemAttachment> attachments, Guid attachmentId) =>
        MayAttach(words, who, hotline) is { } refused ? refused : Outcome<ItemAttachment?>.Success(Recorded(attachments, attachmentId));

    /// <summary>The attachment already recorded under this id, for a repeated upload; null when there is none.</summary>
    public static ItemAttachment? Recorded(ImmutableList<ItemAttachment> attachments, Guid attachmentId) =>
        attachments.Find(a => a.Id == attachmentId);

    /// <summary>
    /// Records the upload: the same id with the same content again records nothing, with other content it is a conflict
    /// (an Idempotency-Key used for another file). The edge checked the bytes; the fields are checked again here.
    /// </summary>
    public static Change<TEvent> Attach<TEvent>(ItemVocabulary words, ItemWorker who, bool hotline, ImmutableList<ItemAttachment> attachments,
        AttachmentUpload upload, string uploaderName, Func<AttachmentUpload, string, TEvent> attached)
    {
        if (MayAttach(words, who, hotline) is { } refused)
        {
            return refused;
        }
        if (Recorded(attachments, upload.AttachmentId) is { } earlier)
        {
            return earlier.Sha256 == upload.Sha256
                ? new Change<TEvent>([], null)
                : DomainError.Conflict("idempotency_key_reused", "该 Idempotency-Key 已用于另一个文件，请换一个再上传。",
                    "This Idempotency-Key was used for another file; upload with a new key.");
        }
        if (TextRules.Invalid(
                TextRules.Check("fileName", upload.FileName, AttachmentTypes.MaxFileName, true, "文件名", "file name"),
                TextRules.Choice("contentType", upload.ContentType, AttachmentTypes.All.ToHashSet(), "文件类型", "file type"),
                upload.Size > 0 ? null : new FieldError("file", "empty", "文件为空。", "The file is empty."),
                IsSha256(upload.Sha256) ? null : new FieldError("sha256", "invalid_value", "文件摘要无效。", "The file digest is invalid."),
                TextRules.Check("note", upload.Note, TextLimits.Note, false, "附件说明", "note")) is { } invalid)
        {
            return invalid;
        }
        return Change<TEvent>.Of(attached(upload with { FileName = upload.FileName.Trim(), Note = TextRules.Trimmed(upload.Note) }, uploaderName));
    }

    /// <summary>One attachment of an item the user sees; one the item has not recorded is not found.</summary>
    public static Outcome<ItemAttachment> Find(ItemVocabulary words, bool visible, ImmutableList<ItemAttachment> attachments, Guid attachmentId)
    {
        if (!visible)
        {
            return ActionGate.NotFound(words);
        }
        return Recorded(attachments, attachmentId) is { } found
            ? Outcome<ItemAttachment>.Success(found)
            : DomainError.NotFound("The attachment", "附件");
    }

    /// <summary>The item's attachments for a user who sees it.</summary>
    public static Outcome<ImmutableArray<ItemAttachment>> List(ItemVocabulary words, bool visible, ImmutableList<ItemAttachment> attachments) =>
        visible ? Outcome<ImmutableArray<ItemAttachment>>.Success([.. attachments]) : ActionGate.NotFound(words);

    /// <summary>What an item's state keeps of a recorded upload (its event carries the same fields).</summary>
    public static ImmutableList<ItemAttachment> Added(ImmutableList<ItemAttachment> attachments, Guid id, string fileName, string contentType,
        long size, string sha256, string? note, string uploadedBy, string uploaderName, DateTimeOffset at) =>
        attachments.Add(new ItemAttachment(id, fileName, contentType, size, sha256, note, uploadedBy, uploaderName, at));

    private static bool IsSha256(string? digest) => digest is { Length: 64 } && digest.All(char.IsAsciiHexDigitLower);
}
