<?php
// Shared part of the SDK check scripts (src/test/php/*.php), run by io.anygate.sdk.AnytimeSdkTest.
//
// Loads the official Anytime PHP SDK from outside the repository (never copied in) with Guzzle's Debian
// autoloader and a PSR-4 autoloader, as ../shared/clients/README.md shows, and reports each check as one JSON
// line on stdout: {"check": name, "ok": bool, "detail": text}. Anything else the script prints goes to stderr.
//
// Usage: php <script>.php <config.json>; the config is written by the Java test (port, partner, key files, and
// the fixtures only Java can make: another partner's card, an expired token).

declare(strict_types=1);

use Anytime\ApiClient\ApiClient;
use Anytime\ApiClient\ApiClientFactory;
use Anytime\ApiClient\Authenticator\ResponseAuthenticator;
use Anytime\ApiClient\Constant\Environment;
use Anytime\ApiClient\Exception\ApiClientException\ResponseException\ResponseException;
use Anytime\ApiClient\Model\Response\ModelResponse;
use Anytime\ApiClient\Model\Response\ModelResponseHeader;

$CONFIG = json_decode(file_get_contents($argv[1]), true, 512, JSON_THROW_ON_ERROR);

require $CONFIG['guzzle_autoload'];
spl_autoload_register(function ($c) use ($CONFIG) {
    $p = 'Anytime\\ApiClient\\';
    if (strncmp($c, $p, strlen($p)) === 0) {
        $f = rtrim($CONFIG['sdk_dir'], '/') . '/src/' . str_replace('\\', '/', substr($c, strlen($p))) . '.php';
        if (is_file($f)) {
            require $f;
        }
    }
});

// A warning or notice while the SDK reads an answer (an array key it expects and the gateway left out, say) is
// what an integrator would see in their logs: it fails the check. Deprecations of the 2020 SDK on PHP 8 do not.
set_error_handler(function (int $severity, string $message, string $file, int $line) {
    if ($severity & (E_DEPRECATED | E_USER_DEPRECATED)) {
        return false;
    }
    throw new \ErrorException($message, 0, $severity, $file, $line);
});

/** A check that did not hold (its message is the detail the Java test shows). */
final class CheckFailed extends \Exception
{
}

/**
 * An SDK client of the test partner (or of $override's credentials), created exactly as an integrator does
 * (Environment::SANDBOX), then pointed at the gateway under test.
 */
function sdk_client(array $override = []): ApiClient
{
    global $CONFIG;
    $p = $override + $CONFIG['partner'];
    $client = (new ApiClientFactory())->create([
        'version' => $p['version'] ?? 'v1.0',
        'client-id' => $p['client_id'],
        'client-secret' => $p['client_secret'],
        'username' => $p['username'],
        'password' => $p['password'],
        'private-key' => file_get_contents($p['private_key_file']),
    ], Environment::SANDBOX);
    $client->getSetting()->setScheme('http');
    $client->getSetting()->setDomain('127.0.0.1');
    $client->getSetting()->setPort((int)$CONFIG['port']);
    return $client;
}

function emit(string $name, bool $ok, string $detail): void
{
    echo json_encode(['check' => $name, 'ok' => $ok, 'detail' => $detail],
        JSON_UNESCAPED_SLASHES | JSON_INVALID_UTF8_SUBSTITUTE), "\n";
    flush();
}

/** Runs one check and reports it; returns what $fn returned, or null when the check failed. */
function check(string $name, callable $fn)
{
    try {
        $value = $fn();
        emit($name, true, '');
        return $value;
    } catch (\Throwable $e) {
        emit($name, false, describe($e));
        return null;
    }
}

function describe(\Throwable $e): string
{
    $text = get_class($e) . ' (code ' . $e->getCode() . '): ' . $e->getMessage();
    if ($e instanceof ResponseException) {
        $text .= ' | HTTP ' . $e->getHttpStatusCode() . ' ' . substr((string)$e->getResponse()->getBody(), 0, 600);
    } elseif (!($e instanceof CheckFailed)) {
        $text .= ' at ' . $e->getFile() . ':' . $e->getLine();
    }
    return $text;
}

function expect(bool $condition, string $what): void
{
    if (!$condition) {
        throw new CheckFailed($what);
    }
}

function expect_same($expected, $actual, string $what): void
{
    if ($expected !== $actual) {
        throw new CheckFailed($what . ': expected ' . var_export($expected, true) . ', got ' . var_export($actual, true));
    }
}

/** A value an earlier check was to produce; fails this check when that one failed. */
function need($value, string $what)
{
    if ($value === null) {
        throw new CheckFailed('needs ' . $what . ', which an earlier check did not produce');
    }
    return $value;
}

/**
 * The SDK's own hash check of an answer (isAuthenticated()), and every getter of its model read, nested models
 * included, as an integrator's code may: none may throw or warn.
 */
function authenticated(ModelResponse $response): ModelResponse
{
    expect($response->isAuthenticated(), 'isAuthenticated(): the SDK\'s hash check of the answer failed (hash '
        . var_export($response->getHeader()->getHash(), true) . ', timestamp '
        . var_export($response->getHeader()->getTimestamp(), true) . ')');
    read_all($response, (new \ReflectionClass($response))->getShortName());
    return $response;
}

/** Calls every public getter without parameters of an SDK response model, and of the models it returns. */
function read_all($value, string $path, int $depth = 0): void
{
    if ($depth > 6) {
        return;
    }
    if (is_array($value)) {
        foreach ($value as $key => $item) {
            read_all($item, $path . '[' . $key . ']', $depth + 1);
        }
        return;
    }
    if (!is_object($value) || strncmp(get_class($value), 'Anytime\\ApiClient\\Model\\Response\\', 33) !== 0) {
        return;
    }
    foreach ((new \ReflectionClass($value))->getMethods(\ReflectionMethod::IS_PUBLIC) as $method) {
        $name = $method->getName();
        if (strncmp($name, 'get', 3) !== 0 || $method->isStatic() || $method->getNumberOfRequiredParameters() > 0
            || $method->getDeclaringClass()->getName() === ModelResponse::class) {
            continue;
        }
        try {
            $result = $method->invoke($value);
        } catch (\Throwable $e) {
            throw new CheckFailed($path . '->' . $name . '() fails: ' . get_class($e) . ': ' . $e->getMessage());
        }
        read_all($result, $path . '->' . $name . '()', $depth + 1);
    }
}

/** The SDK's hash check (its ResponseAuthenticator) of an envelope header, for answers the SDK does not check itself. */
function hash_holds(ModelResponseHeader $header, string $username): bool
{
    return (new ResponseAuthenticator())->authenticate([
        'hash' => $header->getHash(),
        'timestamp' => $header->getTimestamp(),
        'username' => $username,
    ]);
}

/**
 * The call must raise the SDK exception $class (short name) with the Anytime $code, and the error envelope's hash
 * must pass the SDK's check with $hashUsername: the partner's username once it is authenticated, '' before (the
 * token endpoint, a refused signature or token: the gateway does not know who calls).
 */
function expect_error(string $class, int $code, callable $call, ?string $hashUsername = null): void
{
    global $CONFIG;
    $hashUsername = $hashUsername ?? $CONFIG['partner']['username'];
    try {
        $answer = $call();
    } catch (ResponseException $e) {
        $short = (new \ReflectionClass($e))->getShortName();
        expect_same($class, $short, 'SDK exception class (code ' . $e->getCode() . ', ' . $e->getMessage() . ')');
        expect_same($code, $e->getCode(), 'Anytime error code');
        expect(hash_holds($e->getResponseContent()->getHeader(), $hashUsername),
            'the error envelope\'s hash fails the SDK\'s check with username ' . var_export($hashUsername, true));
        read_all($e->getResponseContent(), 'ModelResponseError');
        return;
    }
    throw new CheckFailed('expected ' . $class . ' ' . $code . ', the call succeeded: '
        . json_encode($answer instanceof ModelResponse ? $answer->getData() : $answer));
}

/** Today in Paris (the SDK's zone), plus $modify. */
function paris_date(string $modify = 'now'): \DateTime
{
    return new \DateTime($modify, new \DateTimeZone('Europe/Paris'));
}

function done(): void
{
    emit('(script ran to its end)', true, '');
}

/** ISO 13616 check of an IBAN: its number (letters as 10..35, first four characters moved to the end) mod 97. */
function iban_mod97(string $iban): int
{
    $moved = substr($iban, 4) . substr($iban, 0, 4);
    $rest = 0;
    foreach (str_split($moved) as $c) {
        $digits = ctype_digit($c) ? $c : (string)(ord($c) - 55);
        foreach (str_split($digits) as $d) {
            $rest = ($rest * 10 + (int)$d) % 97;
        }
    }
    return $rest;
}
