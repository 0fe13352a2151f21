using Dispatch.Items;
using Microsoft.Net.Http.Headers;

namespace Dispatch.Web.Attachments;

/// <summary>
/// One attachment streamed from the store: saved, never shown inline (Content-Disposition: attachment with the kept
/// name), of the type its content showed at upload, not sniffed, not cached. A file the store lost answers 404.
/// </summary>
public sealed class AttachmentDownload(string itemType, Guid itemId, ItemAttachment attachment, IAttachmentStore store, CancellationToken ct) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(attachment.FileName);
        response.ContentType = attachment.ContentType;
        response.ContentLength = attachment.Size;
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        if (!await store.CopyToAsync(itemType, itemId, attachment.Id, response.Body, ct))
        {
            response.ContentLength = null;
            response.Headers.Remove(HeaderNames.ContentDisposition);
            response.Headers.CacheControl = "no-store";
            await ProblemResponses.Status(httpContext, StatusCodes.Status404NotFound, "attachment_missing",
                "附件文件已不在存储中，请联系管理员。", "The attachment's file is no longer in the store; contact an administrator.").ExecuteAsync(httpContext);
        }
    }
}
