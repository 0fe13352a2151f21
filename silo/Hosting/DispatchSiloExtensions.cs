using Dispatch.Calendar;
using Dispatch.Hosting;
using Dispatch.Notifications;
using Dispatch.Schema;
using Dispatch.Sla;
using Dispatch.Stats;
using Orleans.Configuration;

namespace Dispatch.Silo.Hosting;

/// <summary>The providers every Dispatch silo uses, shared by the server and the integration tests; the grains add their own services.</summary>
public static class DispatchSiloExtensions
{
    public const string Invariant = "Npgsql";

    /// <summary>Grain state storage name used by [PersistentState] and event-sourced grains.</summary>
    public const string StorageName = "dispatch";

    /// <summary>
    /// How often idle activations are collected. Orleans' default sweeps once a minute and deactivates every activation
    /// idle for the collection age in one burst: under the live benchmark's load (200 events/s) that was 2,000 ticket
    /// activations and 10,000 to 40,000 thread-pool work items in one second, and the slowest seconds of the push path
    /// fell on those sweeps. Sweeping every few seconds deactivates the same activations in small batches.
    /// </summary>
    public static readonly TimeSpan CollectionQuantum = TimeSpan.FromSeconds(5);

    public static ISiloBuilder AddDispatchProviders(this ISiloBuilder silo, string connectionString)
    {
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorage(StorageName, options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
        silo.Configure<ClusterMembershipOptions>(options =>
        {
            // A silo killed with SIGKILL leaves its row; drop such rows after a while.
            options.DefunctSiloExpiration = TimeSpan.FromHours(1);
            options.DefunctSiloCleanupPeriod = TimeSpan.FromMinutes(10);
        });
        silo.Configure<GrainCollectionOptions>(options => options.CollectionQuantum = CollectionQuantum);
        silo.Services.AddSingleton(_ => DatabaseConnection.CreateDataSource(connectionString));
        silo.Services.AddSingleton(provider => new Dispatch.People.PersonIdKey(PersonIdKeyStore.Load(provider.GetRequiredService<Npgsql.NpgsqlDataSource>())));
        silo.Services.AddSingleton(TimeProvider.System);
        silo.Services.AddOptions<Dispatch.EventSourcing.GroupCommitOptions>().BindConfiguration("GroupCommit");
        silo.AddDispatchGrains(LoadSla(DatabaseSetup.DefaultReferenceDataFolder), LoadTargets(DatabaseSetup.DefaultReferenceDataFolder));
        silo.Services.AddNotifications(NotificationSettings.From(silo.Configuration), LoadNotificationTemplates(DatabaseSetup.DefaultReferenceDataFolder));
        // A channel whose configured sender is not registered stops the start, before any message is claimed.
        silo.AddStartupTask((provider, _) =>
        {
            provider.GetRequiredService<OutboxDelivery>().CheckSenders();
            return Task.CompletedTask;
        }, ServiceLifecycleStage.ApplicationServices);
        return silo;
    }

    /// <summary>Loads the notification texts; a bad file (an unknown placeholder, a missing template) stops the silo with one clear line.</summary>
    public static NotificationTemplates LoadNotificationTemplates(string referenceDataFolder)
    {
        try
        {
            return NotificationTemplates.Load(referenceDataFolder);
        }
        catch (Exception ex) when (ex is IOException or NotificationTemplateException)
        {
            throw new ReferenceDataException($"Notification templates in {referenceDataFolder}: {ex.Message}", ex);
        }
    }

    /// <summary>Loads the working calendar and deadline rules; a bad file stops the silo with one clear line.</summary>
    public static SlaSettings LoadSla(string referenceDataFolder)
    {
        try
        {
            return SlaSettings.Load(referenceDataFolder);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException or System.Text.Json.JsonException
            or CalendarDataException or SlaRulesException)
        {
            throw new ReferenceDataException($"Deadline rules or calendar in {referenceDataFolder}: {ex.Message}", ex);
        }
    }

    /// <summary>Loads the targets the measures are held against; a bad file stops the silo with one clear line.</summary>
    public static MeasureTargets LoadTargets(string referenceDataFolder)
    {
        try
        {
            return MeasureTargets.Load(referenceDataFolder);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or System.Text.Json.JsonException or FormatException)
        {
            throw new ReferenceDataException($"Measure targets in {referenceDataFolder}: {ex.Message}", ex);
        }
    }
}
