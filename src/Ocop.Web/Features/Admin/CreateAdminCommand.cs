using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Admin;

/// <summary>
/// <c>create-admin &lt;user name&gt;</c>: the first administrator of a production database (after <c>migrate</c>, which
/// loads no users). The password is read from standard input — typed without echo at a terminal and asked twice, or the
/// first line of a pipe — and checked against the sign-in password policy; an existing user name is refused, never
/// overwritten. The user is saved through Identity on the one database context, so the audit trail records the new
/// account (by "hệ thống", the command having no signed-in user). Further users are made in Admin › Users.
/// </summary>
public static class CreateAdminCommand
{
    public const string Name = "create-admin";

    /// <summary>Exit codes: created; refused (name taken, weak password, database not migrated); wrong use of the command.</summary>
    public const int Created = 0, Refused = 1, Usage = 2;

    public static bool Matches(IReadOnlyList<string> args) => args.Contains(Name);

    /// <summary>Runs the command; <paramref name="interactive"/> is true when <paramref name="input"/> is a terminal (no echo, asked twice).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextReader input, bool interactive, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var at = args.ToList().IndexOf(Name);
        var userName = at >= 0 && at + 1 < args.Count ? args[at + 1].Trim() : "";
        if (userName.Length == 0 || userName.StartsWith('-'))
        {
            await errors.WriteLineAsync("Cách dùng / usage: create-admin <tên đăng nhập>   (mật khẩu đọc từ đầu vào chuẩn / password from standard input)");
            return Usage;
        }

        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OcopDbContext>();
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            await errors.WriteLineAsync("Cơ sở dữ liệu chưa được cập nhật: chạy lệnh migrate trước. / The database is not migrated: run migrate first.");
            return Refused;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(userName) is not null)
        {
            await errors.WriteLineAsync($"Tên đăng nhập '{userName}' đã có; không tạo lại, không đổi mật khẩu. / User '{userName}' already exists; nothing changed.");
            return Refused;
        }

        var password = interactive ? ReadTwiceWithoutEcho(output) : await input.ReadLineAsync();
        if (string.IsNullOrEmpty(password))
        {
            await errors.WriteLineAsync(interactive
                ? "Hai lần nhập mật khẩu không khớp hoặc để trống. / The passwords are empty or do not match."
                : "Không đọc được mật khẩu từ đầu vào chuẩn. / No password on standard input.");
            return Refused;
        }

        var user = new AppUser { UserName = userName, FullName = "Quản trị hệ thống", Role = Role.Administrator };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            await errors.WriteLineAsync($"Chưa tạo '{userName}' / not created:");
            foreach (var error in result.Errors)
            {
                await errors.WriteLineAsync("  - " + error.Description);
            }

            return Refused;
        }

        await output.WriteLineAsync($"Đã tạo quản trị viên '{userName}'. Đăng nhập tại /Account/Login rồi lập người dùng, đơn vị phụ trách trong Quản trị › Người dùng.");
        await output.WriteLineAsync($"Administrator '{userName}' created. Sign in at /Account/Login, then add users in Admin › Users.");
        return Created;
    }

    /// <summary>Reads the password twice at the terminal, showing nothing; null when the two differ.</summary>
    private static string? ReadTwiceWithoutEcho(TextWriter output)
    {
        output.Write("Mật khẩu / Password: ");
        var first = ReadWithoutEcho(output);
        output.Write("Nhập lại / Repeat: ");
        var second = ReadWithoutEcho(output);
        return first == second ? first : null;
    }

    private static string ReadWithoutEcho(TextWriter output)
    {
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                output.WriteLine();
                return typed.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0)
                {
                    typed.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
    }
}
