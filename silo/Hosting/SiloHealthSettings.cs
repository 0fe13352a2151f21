namespace Dispatch.Silo.Hosting;

/// <summary>Health:Port: where the silo answers its probes over HTTP; unset, the silo opens no HTTP port.</summary>
public sealed record SiloHealthSettings(int? Port)
{
    public static SiloHealthSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Health");
        return new SiloHealthSettings(section["Port"] is null ? null : SiloEndpointSettings.ParsePort(section, "Port", 0));
    }
}
