using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Tests.Integration.Fuzz;
using Dispatch.Tests.Integration.Security.Matrix;
using Dispatch.Tests.Integration.Web;
using FluentAssertions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace Dispatch.Tests.Integration.Security;

/// <summary>
/// The authorization matrix: every documented operation (read from the app's own OpenAPI document, so a new route
/// without a row fails here) and the hub's Join and Leave, as every role, for the own county's items and as the other
/// county's users, each cell asserting the one status the policy gives (404 for an item outside the user's scope, 403
/// for a role that may not act, the success status otherwise). Lists must also hold the probe item exactly when its
/// scope covers it. The cell count is printed.
/// </summary>
public sealed class AuthorizationMatrixTests(RunningSystem system, ITestOutputHelper output) : IClassFixture<RunningSystem>
{
    private static readonly string[] HubScopes = ["city", "county:" + Principal.County, "county:" + Principal.OtherCounty, "unit:" + Principal.Centre];

    [Fact]
    public async Task Every_role_gets_exactly_the_answer_its_scope_allows_on_every_operation_and_hub_method()
    {
        await using var world = new MatrixWorld(system);
        await world.StartAsync();
        var document = await system.Web.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var documented = new ApiOperations(document).All.Select(o => o.ToString()).ToList();
        var rows = MatrixRows.All();
        var accountChanges = MatrixRows.AccountChanges();
        var covered = rows.Concat(accountChanges).Select(r => r.Operation).ToList();
        covered.Should().OnlyHaveUniqueItems("each operation has one row");
        documented.Except(covered).Should().BeEmpty("every documented operation needs a row in the authorization matrix");
        covered.Except(documented).Should().BeEmpty("every row names a documented operation");

        var failures = new List<string>();
        var httpCells = 0;
        foreach (var row in rows)
        {
            foreach (var principal in Principal.All)
            {
                httpCells++;
                await CellAsync(world, row, principal, failures);
            }
        }
        var hubCells = await HubCellsAsync(world, failures);
        // Last: the rows that change each principal's own account (second factor, sign-out, password).
        foreach (var row in accountChanges)
        {
            foreach (var principal in Principal.All)
            {
                httpCells++;
                await CellAsync(world, row, principal, failures);
            }
        }

        output.WriteLine($"[figure] authorization matrix: {httpCells + hubCells} cells = {covered.Count} operations x {Principal.All.Count} principals " +
            $"({httpCells} HTTP cells) + {hubCells} hub cells (Join/Leave x {HubScopes.Length} scopes); {failures.Count} wrong");
        foreach (var failure in failures.Take(80))
        {
            output.WriteLine(failure);
        }
        failures.Should().BeEmpty("every cell of the matrix answers exactly what the policy says");
    }

    private static async Task CellAsync(MatrixWorld world, Row row, Principal principal, List<string> failures)
    {
        var expected = row.Expected(principal);
        var succeeds = expected is >= 200 and < 300;
        HttpRequestMessage request;
        try
        {
            request = await row.Make(world, principal, succeeds);
        }
        catch (InvalidOperationException ex)
        {
            failures.Add($"{row.Operation} as {principal}: preparing the cell failed: {ex.Message}");
            return;
        }
        using var own = row.OwnSession && !principal.Anonymous ? (await world.SessionAsync(principal)).Client : null;
        using (request)
        using (var response = await (own ?? world.For(principal)).SendAsync(request))
        {
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync();
            if (status != expected)
            {
                failures.Add($"{row.Operation} as {principal}: expected {expected}, got {status} ({request.RequestUri}) {body[..Math.Min(body.Length, 300)]}");
                return;
            }
            if (row.Listed is { } listed && status == 200)
            {
                var id = await row.ProbeId!(world);
                var found = body.Contains(id, StringComparison.Ordinal);
                if (found != listed(principal))
                {
                    failures.Add($"{row.Operation} as {principal}: the probe item {(found ? "is listed although outside" : "is missing although inside")} the scope");
                }
            }
        }
    }

    /// <summary>Join of each scope (allowed exactly when the principal may watch it) and Leave; an anonymous caller cannot connect.</summary>
    private async Task<int> HubCellsAsync(MatrixWorld world, List<string> failures)
    {
        var cells = 0;
        foreach (var principal in Principal.All)
        {
            var token = principal.Anonymous ? null : (await world.SessionAsync(principal)).AccessToken;
            await using var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(system.Web.Address, "/hubs/supervision"), o => o.AccessTokenProvider = () => Task.FromResult(token))
                .Build();
            if (principal.Anonymous)
            {
                cells++;
                var refused = await FluentActions.Awaiting(() => connection.StartAsync()).Should().ThrowAsync<HttpRequestException>();
                if (refused.Which.StatusCode != System.Net.HttpStatusCode.Unauthorized)
                {
                    failures.Add($"hub connect as {principal}: expected 401, got {refused.Which.StatusCode}");
                }
                continue;
            }
            await connection.StartAsync();
            foreach (var scope in HubScopes)
            {
                cells += 2;
                var allowed = principal.Watches(scope);
                try
                {
                    await connection.InvokeAsync("Join", scope);
                    if (!allowed)
                    {
                        failures.Add($"hub Join({scope}) as {principal}: expected a refusal, it was joined");
                    }
                }
                catch (HubException ex)
                {
                    if (allowed)
                    {
                        failures.Add($"hub Join({scope}) as {principal}: expected to join, refused: {ex.Message}");
                    }
                }
                try
                {
                    await connection.InvokeAsync("Leave", scope);
                }
                catch (HubException ex)
                {
                    failures.Add($"hub Leave({scope}) as {principal}: leaving never fails, got {ex.Message}");
                }
            }
        }
        return cells;
    }
}
