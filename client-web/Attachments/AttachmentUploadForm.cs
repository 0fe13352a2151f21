using Dispatch.Items;
using Microsoft.AspNetCore.Http.Features;

namespace Dispatch.Web.Attachments;

/// <summary>The upload form (multipart/form-data): one file, and a note that says what it is.</summary>
public sealed record AttachmentUploadForm(IFormFile File, string? Note = null);

/// <summary>A read upload form: the file's bytes and declared name and the note, or the refusal to answer instead.</summary>
public sealed record ReadUpload(byte[] Content, string? DeclaredName, string? Note);

/// <summary>
/// Reads the upload form at the edge, before any grain is asked: a body over the cap answers 413 without being read
/// (Content-Length) or as soon as it passes the cap (a chunked body); not multipart, no file or two files answer 415 or
/// 400. The body limit is raised for this request only (the API's other routes keep InputLimits.MaxBodyBytes).
/// </summary>
public static class AttachmentUploads
{
    /// <summary>Room for the form's boundaries, headers and note around the file.</summary>
    private const long FormAllowance = 64 * 1024;

    public const string FileField = "file";
    public const string NoteField = "note";

    public static async Task<(ReadUpload? Upload, ProblemHttpResult? Refusal)> ReadAsync(HttpContext context, AttachmentOptions options, CancellationToken ct)
    {
        var request = context.Request;
        var limit = options.MaxBytes + FormAllowance;
        if (request.ContentLength > limit)
        {
            return (null, TooLarge(context, options));
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }
        if (!request.HasFormContentType || !request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ProblemResponses.Status(context, StatusCodes.Status415UnsupportedMediaType, "multipart_required",
                "请以 multipart/form-data 上传附件（字段 file，可选 note）。", "Upload the attachment as multipart/form-data (field file, optional note)."));
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException bad) when (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(context, options));
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            return (null, ProblemResponses.Validation(context, new FieldError("body", "malformed_form", "上传表单格式不正确。", "The upload form is malformed.")));
        }
        if (form.Files.Count != 1 || form.Files.GetFile(FileField) is not { } file)
        {
            return (null, ProblemResponses.Validation(context, new FieldError(FileField, form.Files.Count > 1 ? "one_file" : "required",
                form.Files.Count > 1 ? "每次只能上传一个文件。" : "请选择要上传的文件（字段 file）。",
                form.Files.Count > 1 ? "Upload one file per request." : "Choose the file to upload (field file).")));
        }
        if (file.Length > options.MaxBytes)
        {
            return (null, TooLarge(context, options));
        }
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct);
        }
        return (new ReadUpload(content, file.FileName, form[NoteField].FirstOrDefault()), null);
    }

    /// <summary>What the bytes must be: not empty, of an accepted type, named with an extension of that type.</summary>
    public static (DetectedContent? Detected, KeptFileName? Name, ProblemHttpResult? Refusal) Check(HttpContext context, ReadUpload upload)
    {
        if (upload.Content.Length == 0)
        {
            return (null, null, ProblemResponses.Validation(context, new FieldError(FileField, "empty", "文件为空，请选择有内容的文件。", "The file is empty.")));
        }
        var detected = AttachmentContent.Detect(upload.Content);
        if (!detected.Accepted)
        {
            return (detected, null, Refused(context, detected, $"文件内容为{detected.Zh}，不能作为附件。", $"The file's content is a {detected.En}, which cannot be attached."));
        }
        var name = AttachmentFileNames.Keep(upload.DeclaredName, detected.ContentType!);
        if (name.Mismatch)
        {
            var extension = Path.GetExtension(name.Name);
            return (detected, name, Refused(context, detected, $"文件内容为{detected.Zh}，与文件扩展名 {extension} 不符。",
                $"The file's content is a {detected.En}, which does not match its extension {extension}."));
        }
        return (detected, name, null);
    }

    private static ProblemHttpResult Refused(HttpContext context, DetectedContent detected, string zh, string en)
    {
        var problem = ProblemResponses.Status(context, StatusCodes.Status415UnsupportedMediaType, "attachment_type_refused",
            zh + "可上传：PDF、JPEG、PNG、TIFF、Word（.docx）、Excel（.xlsx）。",
            en + " Accepted: PDF, JPEG, PNG, TIFF, Word (.docx), Excel (.xlsx).");
        problem.ProblemDetails.Extensions["detected"] = new { zh = detected.Zh, en = detected.En };
        problem.ProblemDetails.Extensions["accepted"] = AttachmentTypes.All;
        return problem;
    }

    private static ProblemHttpResult TooLarge(HttpContext context, AttachmentOptions options) =>
        ProblemResponses.Status(context, StatusCodes.Status413PayloadTooLarge, "attachment_too_large",
            $"附件不能超过 {options.MaxText}，请压缩或分开上传。", $"An attachment may be at most {options.MaxText}; compress or split it.");
}
