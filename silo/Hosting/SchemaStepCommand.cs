using Dispatch.Schema;

namespace Dispatch.Silo.Hosting;

/// <summary>
/// `Dispatch.Silo schema`: runs the schema step (migrations, first reference data) as the schema owner and exits. The
/// one-shot job of the container and Kubernetes deployments, so that silos and web instances connect only as the
/// application role.
/// </summary>
public static class SchemaStepCommand
{
    public const string Verb = "schema";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task RunAsync(IConfiguration configuration)
    {
        if (DatabaseConnection.ResolveSchema(configuration) is null)
        {
            throw new StartupConfigurationException(
                $"The schema step needs the schema owner's connection: set ConnectionStrings__{DatabaseConnection.SchemaConnectionStringName}.");
        }
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true));
        await DatabaseSetup.PrepareAsync(configuration, loggerFactory, TimeProvider.System);
        loggerFactory.CreateLogger(typeof(SchemaStepCommand)).LogInformation("Schema step done: the schema is current");
    }
}
