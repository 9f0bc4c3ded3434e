using System.Runtime.Versioning;

// The engine tests drive a Linux Docker engine through the Linux data root's owners and modes.
[assembly: SupportedOSPlatform("linux")]
