namespace Dispatch.Web.Open311;

/// <summary>/api/admin/open311-keys: administrators issue Open311 API keys (shown once), list them and revoke them.</summary>
public static class Open311KeyEndpoints
{
    public static RouteGroupBuilder MapOpen311KeysApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/open311-keys").WithTags("Open311 keys 网上渠道接口密钥").RequireAuthorization(Policies.Admin);
        group.MapGet("/", List).WithSummary("Every Open311 API key with its hint, who issued and who revoked it 接口密钥列表");
        group.MapPost("/", Issue).WithSummary("Issue a key {name}; the key itself is in this answer only 签发接口密钥（仅显示一次）");
        group.MapPost("/{id:guid}/revoke", Revoke).WithSummary("Revoke a key for good: its requests answer 403 from now on 吊销接口密钥");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<Open311KeyView>>> List(Open311KeyStore keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await keys.ListAsync(cancellationToken));

    private static async Task<Results<Created<IssuedOpen311Key>, ProblemHttpResult>> Issue(NewOpen311Key? request, Open311KeyStore keys,
        HttpContext context, CancellationToken cancellationToken)
    {
        var name = request?.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > Open311KeyStore.MaxNameLength)
        {
            return ProblemResponses.Validation(context, new FieldError("name", "required",
                $"请填写密钥用途（1 到 {Open311KeyStore.MaxNameLength} 个字符），例如接入的网站名称。",
                $"Give the key a name of 1 to {Open311KeyStore.MaxNameLength} characters, such as the site that uses it."));
        }
        var issued = await keys.IssueAsync(name, AccountChangeActor.From(context), cancellationToken);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/admin/open311-keys/{issued.Key.Id}", issued);
    }

    private static async Task<Results<Ok<Open311KeyView>, ProblemHttpResult>> Revoke(Guid id, Open311KeyStore keys, HttpContext context,
        CancellationToken cancellationToken)
    {
        var (key, changed) = await keys.RevokeAsync(id, AccountChangeActor.From(context), cancellationToken);
        if (key is null)
        {
            return ProblemResponses.From(DomainError.NotFound("The Open311 key", "该接口密钥"), context);
        }
        return changed
            ? TypedResults.Ok(key)
            : ProblemResponses.From(DomainError.Conflict("already_revoked", "该接口密钥已吊销。", "The key is revoked already."), context);
    }
}
