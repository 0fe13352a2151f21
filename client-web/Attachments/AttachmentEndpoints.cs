using System.Security.Cryptography;
using Dispatch.Items;
using Dispatch.Web.ApiConventions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Dispatch.Web.Attachments;

/// <summary>
/// The attachments of every item, the same routes for each kind: POST /{id}/attachments (one file, multipart),
/// GET /{id}/attachments and GET /{id}/attachments/{attachmentId}. The item's grain decides who may (404 outside the
/// scope, 403 for a role that may not upload) and records each upload in its history; the bytes go to the attachment
/// store only after the grain allowed the upload and the edge checked them, and a file the item refused is removed.
/// </summary>
public static class AttachmentEndpoints
{
    private const string IdempotencyKind = "attachment";

    /// <param name="itemType">The item's type in the store and in idempotency ids (ItemTypes).</param>
    public static void MapAttachments<TGrain>(this RouteGroupBuilder group, string itemType) where TGrain : IAttachedItem
    {
        group.MapPost("/{id:guid}/attachments", (Guid id, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext context,
                IGrainFactory grains, IAttachmentStore store, IOptions<AttachmentOptions> options, TimeProvider time, CancellationToken ct) =>
                UploadAsync<TGrain>(itemType, id, idempotencyKey, context, grains, store, options.Value, time, ct))
            .AddOpenApiOperationTransformer(async (operation, context, ct) => operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(AttachmentUploadForm), null, ct) },
                },
            })
            .WithSummary("Add a file (multipart/form-data: file, optional note): PDF, JPEG, PNG, TIFF, .docx or .xlsx by content (else 415), " +
                "at most Attachments:MaxBytes (default 10 MiB, else 413), not empty (else 400); the handling unit, supervisors in scope, on a " +
                "ticket also the hotline. Requires an Idempotency-Key; the same key and file answer the same attachment (200)")
            .WithIdempotencyKey(required: true, ItemIds.MaxKeyLength)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/{id:guid}/attachments", async (Guid id, HttpContext context, IGrainFactory grains) =>
                Listed(context, await grains.GetGrain<TGrain>(id).Attachments(context.User.ToActor())))
            .WithSummary("The item's attachments, oldest first: file name, type, size, uploader, time; for whoever sees the item");
        group.MapGet("/{id:guid}/attachments/{attachmentId:guid}", (Guid id, Guid attachmentId, HttpContext context, IGrainFactory grains,
                IAttachmentStore store, CancellationToken ct) => DownloadAsync<TGrain>(itemType, id, attachmentId, context, grains, store, ct))
            .WithSummary("Download one attachment (Content-Disposition: attachment, its detected type, X-Content-Type-Options: nosniff, " +
                "Cache-Control: no-store); recorded in the personal-data access log")
            .Produces<Stream>(StatusCodes.Status200OK, AttachmentTypes.Pdf, [.. AttachmentTypes.All.Skip(1)]);
    }

    private static async Task<Results<Created<ItemAttachment>, Ok<ItemAttachment>, ProblemHttpResult>> UploadAsync<TGrain>(
        string itemType, Guid id, string? idempotencyKey, HttpContext context, IGrainFactory grains, IAttachmentStore store,
        AttachmentOptions options, TimeProvider time, CancellationToken ct) where TGrain : IAttachedItem
    {
        if (!ItemIds.IsUsable(idempotencyKey))
        {
            return ItemResponses.MissingIdempotencyKey(context);
        }
        var (upload, malformed) = await AttachmentUploads.ReadAsync(context, options, ct);
        if (malformed is not null)
        {
            return malformed;
        }
        var actor = context.User.ToActor();
        var item = grains.GetGrain<TGrain>(id);
        var attachmentId = ItemIds.FromKey(IdempotencyKind, actor.UserId, id + "\n" + idempotencyKey!.Trim());
        var allowed = await item.MayAttach(attachmentId, actor);
        if (!allowed.Succeeded)
        {
            return ProblemResponses.From(allowed.Error!, context);
        }
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(upload!.Content));
        if (allowed.Value is { } earlier)
        {
            return earlier.Sha256 == sha256 ? TypedResults.Ok(earlier) : KeyReused(context);
        }
        var (detected, name, refused) = AttachmentUploads.Check(context, upload);
        if (refused is not null)
        {
            return refused;
        }
        var stored = new StoredAttachment(attachmentId, itemType, id, name!.Name, detected!.ContentType!, upload.Content.Length, sha256,
            actor.UserId, time.GetUtcNow());
        if (await store.PutAsync(stored, new MemoryStream(upload.Content, writable: false), ct) != sha256)
        {
            return KeyReused(context);
        }
        // A refusal means the item recorded nothing: the file goes too. A failed call may still have committed, so the file
        // stays; unrecorded, it is never listed or served.
        var recorded = await item.RecordAttachment(
            new AttachmentUpload(attachmentId, stored.FileName, stored.ContentType, stored.Size, sha256, upload.Note), actor);
        if (!recorded.Succeeded)
        {
            await store.DeleteAsync(attachmentId, CancellationToken.None);
            return ProblemResponses.From(recorded.Error!, context);
        }
        return TypedResults.Created($"{context.Request.Path.Value}/{attachmentId}", recorded.Value!);
    }

    private static Results<Ok<IReadOnlyList<ItemAttachment>>, ProblemHttpResult> Listed(HttpContext context, Outcome<System.Collections.Immutable.ImmutableArray<ItemAttachment>> listed) =>
        listed.Succeeded ? TypedResults.Ok<IReadOnlyList<ItemAttachment>>(listed.Value) : ProblemResponses.From(listed.Error!, context);

    private static async Task<IResult> DownloadAsync<TGrain>(string itemType, Guid id, Guid attachmentId, HttpContext context,
        IGrainFactory grains, IAttachmentStore store, CancellationToken ct) where TGrain : IAttachedItem
    {
        var found = await grains.GetGrain<TGrain>(id).OpenAttachment(attachmentId, context.Connection.RemoteIpAddress?.ToString(), context.User.ToActor());
        return found.Succeeded ? new AttachmentDownload(itemType, id, found.Value!, store, ct) : ProblemResponses.From(found.Error!, context);
    }

    private static ProblemHttpResult KeyReused(HttpContext context) => ProblemResponses.Status(context, StatusCodes.Status409Conflict,
        "idempotency_key_reused", "该 Idempotency-Key 已用于另一个文件，请换一个再上传。", "This Idempotency-Key was used for another file; upload with a new key.");
}
