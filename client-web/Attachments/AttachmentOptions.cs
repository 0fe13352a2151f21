namespace Dispatch.Web.Attachments;

/// <summary>Attachment limits (configuration section <c>Attachments</c>).</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>The largest file accepted, in bytes; a larger upload answers 413 and stores nothing.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The cap as people read it: "10 MB".</summary>
    public string MaxText => $"{MaxBytes / (1024.0 * 1024.0):0.##} MB";
}
