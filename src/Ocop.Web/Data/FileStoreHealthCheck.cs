using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ocop.Web.Data;

/// <summary>
/// Healthy when the file store (photos, dossier documents, task files under the data folder) can be written and read
/// back: a shared folder that went read-only or away fails every upload, so /health says so (503).
/// </summary>
public sealed class FileStoreHealthCheck(IConfiguration config, IHostEnvironment env) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var folder = DatabaseSetup.DataFolder(config, env);
        var probe = Path.Combine(folder, ".health-" + Guid.NewGuid().ToString("N"));
        try
        {
            await File.WriteAllTextAsync(probe, "ok", cancellationToken);
            var back = await File.ReadAllTextAsync(probe, cancellationToken);
            return back == "ok" ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("File store reads back wrong data.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("File store unavailable.", e);
        }
        finally
        {
            try
            {
                File.Delete(probe);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Nothing was written, or the store is gone: the result above already says so.
            }
        }
    }
}
