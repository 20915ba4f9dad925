namespace Ocop.Web.Features.Account;

/// <summary>The client's address as the app sees it: behind a configured reverse proxy, the one it forwarded.</summary>
public static class ClientAddress
{
    public static string Of(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : "không rõ";
}
