using Dispatch.Identity;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dispatch.Hosting;

/// <summary>
/// Turns a database exception escaping a grain call into a <see cref="DatabaseFailureException"/> that can travel back to
/// the caller and says whether the failure is transient (Npgsql's <c>IsTransient</c>: the server starting up or shutting
/// down, the connection lost, a time-out). The original is logged here by type and SQL state only.
/// </summary>
public sealed class DatabaseFailureFilter(ILogger<DatabaseFailureFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (NpgsqlException ex)
        {
            var state = (ex as PostgresException)?.SqlState;
            logger.LogWarning("{Grain}.{Method} failed in the database: {Error} {SqlState} (transient: {Transient})",
                context.InterfaceName, context.MethodName, ex.GetType().Name, state, ex.IsTransient);
            throw new DatabaseFailureException(
                $"The database failed during {context.InterfaceName}.{context.MethodName} ({ex.GetType().Name} {state}).", ex.IsTransient, state);
        }
    }
}
