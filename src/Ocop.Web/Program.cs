using Ocop.Web;

var app = OcopApp.Build(args);

if (args.Contains("backup"))
{
    return await Ocop.Web.Commands.BackupCommand.RunAsync(app.Services, args);
}

if (args.Contains("restore"))
{
    return await Ocop.Web.Commands.RestoreCommand.RunAsync(app.Services, args);
}

if (args.Contains("migrate"))
{
    // Production path: apply migrations and reference data, then exit without serving.
    await OcopApp.MigrateAsync(app.Services, seedDemo: false);
    Console.WriteLine("Đã áp dụng migration và dữ liệu tham chiếu. / Migrations and reference data applied.");
    return 0;
}

await OcopApp.PrepareDatabaseOnStartAsync(app);
await app.StartAsync();
OcopApp.PrintWelcome(app);
await app.WaitForShutdownAsync();
return 0;

public partial class Program;
