using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Ocop.Web.Tests.Infrastructure;

namespace Ocop.Web.Tests.Security;

/// <summary>A test that needs PostgreSQL (OCOP_TEST_DATABASE=postgres, as ./test.sh's second web run) and nginx.</summary>
public sealed class PostgresAndNginxFactAttribute : FactAttribute
{
    public PostgresAndNginxFactAttribute()
    {
        if (!TestDatabase.UsesPostgres)
        {
            Skip = "Two instances share one PostgreSQL database: runs in the PostgreSQL pass of ./test.sh.";
        }
        else if (TwoInstancesBehindNginxTests.Nginx is null)
        {
            Skip = "nginx is not installed (./test.sh installs it with apt).";
        }
    }
}

/// <summary>
/// Issue 13: two app processes on one PostgreSQL database behind nginx agree. A change saved on one shows on the other
/// within a second (LISTEN/NOTIFY moves the cache versions), a sign-in works on both (the key ring is in the database),
/// an ended session ends on both, and a photo uploaded through one is served by the other (one file store).
/// </summary>
public sealed class TwoInstancesBehindNginxTests : IAsyncLifetime
{
    public static readonly string? Nginx = new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);

    private static readonly byte[] Png = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestFiles", "photo.png"));

    private readonly List<Process> processes = [];
    private TestDatabase? database;
    private string work = "";
    private int portA;
    private int portB;
    private int portProxy;

    public async Task InitializeAsync()
    {
        if (!TestDatabase.UsesPostgres || Nginx is null)
        {
            return;
        }

        database = await SeededTemplate.CopyAsync();
        work = Directory.CreateTempSubdirectory("ocop-two-").FullName;
        var certificate = TestCertificate.Write(database.DataFolder);
        (portA, portB, portProxy) = (FreePort(), FreePort(), FreePort());
        StartApp(portA, certificate);
        StartApp(portB, certificate);
        StartNginx();
        await WaitHealthyAsync(portA);
        await WaitHealthyAsync(portB);
        await WaitHealthyAsync(portProxy);
    }

    public async Task DisposeAsync()
    {
        foreach (var process in processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }

        if (work.Length > 0)
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [PostgresAndNginxFact]
    public async Task Two_instances_behind_nginx_agree_within_a_second()
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var proxy = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri($"http://127.0.0.1:{portProxy}") };
        using var a = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri($"http://127.0.0.1:{portA}") };
        using var b = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri($"http://127.0.0.1:{portB}") };

        // Signed in through nginx (either instance answers): the cookie opens pages on both.
        using (var signIn = await proxy.PostSignInAsync(Demo.Admin, Ocop.Web.Data.DemoData.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        await a.GetPageAsync("/");
        await b.GetPageAsync("/");

        // A product renamed on A is found by B's in-memory list within a second.
        var id = await ScalarAsync<int>("SELECT \"Id\" FROM \"Products\" WHERE \"Name\" = @name", Demo.BanhTetMyChanh);
        var newName = "Bánh tét hai máy chủ " + Guid.NewGuid().ToString("N")[..6];
        // The search box repeats the words searched: the list's links tell what was found.
        async Task<bool> BListsIt() => Html.LinkedIds(await b.GetPageAsync("/Products?q=" + Uri.EscapeDataString(newName)), "/Products/Details/").Contains(id);
        Assert.False(await BListsIt());
        var form = await a.GetFormAsync($"/Products/Edit/{id}");
        using (var saved = await a.PostFormAsync(form.Set("Input.Name", newName)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var seen = Stopwatch.StartNew();
        while (!await BListsIt())
        {
            Assert.True(seen.Elapsed < TimeSpan.FromSeconds(1), "B still lists the old name a second after A saved");
            await Task.Delay(50);
        }

        // A photo uploaded through A is served by B.
        var upload = await a.GetFormAsync($"/Products/Details/{id}", handler: "Upload");
        using (var uploaded = await a.PostFileAsync(upload, "photo", "hai-may.png", Png, "image/png"))
        {
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        var photo = await ScalarAsync<int>("SELECT MAX(\"Id\") FROM \"ProductPhotos\" WHERE \"ProductId\" = @id", id);
        var fromA = await a.GetByteArrayAsync($"/Products/Photo/{photo}");
        Assert.Equal(fromA, await b.GetByteArrayAsync($"/Products/Photo/{photo}"));

        // Signing out on A ends the session on B within a second.
        using (var signOut = await a.PostWithTokenAsync("/Account/Logout"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        }

        var copy = cookies.GetCookieHeader(new Uri($"http://127.0.0.1:{portB}"));
        seen.Restart();
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{portB}/Products");
            request.Headers.Add("Cookie", copy);
            using var plain = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
            using var response = await plain.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                break;
            }

            Assert.True(seen.Elapsed < TimeSpan.FromSeconds(1), "B still accepts the session a second after it ended on A");
            await Task.Delay(50);
        }
    }

    private void StartApp(int port, string certificate)
    {
        var web = WebProjectOutput();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = web, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(web, "Ocop.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Postgres";
        start.Environment["ConnectionStrings__Postgres"] = database!.ConnectionString;
        start.Environment["Ocop__DataFolder"] = database.DataFolder;
        start.Environment["Ocop__DataProtection__CertificatePath"] = certificate;
        start.Environment["Ocop__DataProtection__CertificatePassword"] = TestCertificate.Password;
        start.Environment["Ocop__ReverseProxy__KnownProxies"] = "127.0.0.1";
        start.Environment["Ocop__SignIn__PerAddressPerMinute"] = "1000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        processes.Add(process);
    }

    private void StartNginx()
    {
        foreach (var folder in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi" })
        {
            Directory.CreateDirectory(Path.Combine(work, folder));
        }

        var user = Environment.UserName == "root" ? "user root;" : "";
        File.WriteAllText(Path.Combine(work, "nginx.conf"), $$"""
            {{user}}
            daemon off;
            worker_processes 1;
            pid {{work}}/nginx.pid;
            error_log {{work}}/error.log warn;
            events { worker_connections 128; }
            http {
                access_log off;
                client_body_temp_path {{work}}/body;
                proxy_temp_path {{work}}/proxy;
                fastcgi_temp_path {{work}}/fastcgi;
                uwsgi_temp_path {{work}}/uwsgi;
                scgi_temp_path {{work}}/scgi;
                upstream ocop { server 127.0.0.1:{{portA}}; server 127.0.0.1:{{portB}}; }
                server {
                    listen 127.0.0.1:{{portProxy}};
                    client_max_body_size 30m;
                    location / {
                        proxy_pass http://ocop;
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                    }
                }
            }
            """);
        var start = new ProcessStartInfo(Nginx!) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-p");
        start.ArgumentList.Add(work);
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Path.Combine(work, "nginx.conf"));
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        processes.Add(process);
    }

    private async Task WaitHealthyAsync(int port)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await client.GetAsync($"http://127.0.0.1:{port}/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (processes.FirstOrDefault(p => p.HasExited) is { } exited)
            {
                throw new InvalidOperationException($"A process of the test exited ({exited.ExitCode}) before port {port} was healthy.");
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(90), $"port {port} not healthy after 90 s");
            await Task.Delay(200);
        }
    }

    private async Task<T> ScalarAsync<T>(string sql, object parameter)
    {
        await using var connection = new NpgsqlConnection(database!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(sql.Contains("@name", StringComparison.Ordinal) ? "name" : "id", parameter);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The web project's own build output (it has its runtime configuration and seed files), found from the solution.</summary>
    private static string WebProjectOutput()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Ocop.slnx")))
        {
            folder = folder.Parent;
        }

        var configuration = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
        return Path.Combine(folder!.FullName, "src", "Ocop.Web", "bin", configuration, "net10.0");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
