using Dispatch.Silo.Hosting;
using Orleans.Runtime;

namespace Dispatch.Tests.Integration.Cluster;

/// <summary>A test-only grain that stores a value and records when its reminder fired.</summary>
[Alias("Dispatch.Tests.IProbeGrain")]
public interface IProbeGrain : IGrainWithStringKey
{
    [Alias("Write")] Task Write(string value);
    [Alias("Read")] Task<ProbeState> Read();
    [Alias("Arm")] Task Arm(TimeSpan dueIn);
    [Alias("Disarm")] Task Disarm();
}

[GenerateSerializer, Alias("Dispatch.Tests.ProbeState")]
public sealed class ProbeState
{
    [Id(0)] public string? Value { get; set; }
    [Id(1)] public List<DateTimeOffset> ReminderFiredAt { get; set; } = [];
}

[GrainType("test-probe")]
public sealed class ProbeGrain(
    [PersistentState("probe", DispatchSiloExtensions.StorageName)] IPersistentState<ProbeState> state)
    : Grain, IProbeGrain, IRemindable
{
    private const string ReminderName = "probe";

    public async Task Write(string value)
    {
        state.State.Value = value;
        await state.WriteStateAsync();
    }

    public Task<ProbeState> Read() => Task.FromResult(state.State);

    public Task Arm(TimeSpan dueIn) => this.RegisterOrUpdateReminder(ReminderName, dueIn, TimeSpan.FromMinutes(10));

    public async Task Disarm()
    {
        var reminder = await this.GetReminder(ReminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.ReminderFiredAt.Add(DateTimeOffset.UtcNow);
        await state.WriteStateAsync();
    }
}
