/**
 * Why a cookie may not be sent so, or undefined: HttpOnly and SameSite=Strict always, Secure exactly
 * when the request came over HTTPS (a Secure cookie over plain HTTP is dropped: no sign-in).
 */
export function cookieFault(setCookie: string, transport: 'http' | 'https'): string | undefined {
  const flags = new Set(
    setCookie
      .split(';')
      .slice(1)
      .map((flag) => flag.trim().toLowerCase()),
  );
  const faults = [
    ...(flags.has('httponly') ? [] : ['no HttpOnly']),
    ...(flags.has('samesite=strict') ? [] : ['not SameSite=Strict']),
    ...(flags.has('secure') === (transport === 'https')
      ? []
      : [transport === 'https' ? 'no Secure' : 'Secure']),
  ];
  return faults.length > 0 ? `${faults.join(', ')}: ${setCookie}` : undefined;
}
