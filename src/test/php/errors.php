<?php
// Error paths through the official SDK: each refusal must surface as the SDK exception class the Anytime document
// names, with its code, and the error envelope's hash must pass the SDK's check. Run by
// io.anygate.sdk.AnytimeSdkTest, which hands over an expired token of the partner and another partner's card.

require __DIR__ . '/bootstrap.php';

use Anytime\ApiClient\Constant\AccountType;
use Anytime\ApiClient\Constant\CardStatus;
use Anytime\ApiClient\Constant\CardType;
use Anytime\ApiClient\Constant\Country;
use Anytime\ApiClient\Constant\Currency;
use Anytime\ApiClient\Constant\Gender;
use Anytime\ApiClient\Constant\Language;

$client = sdk_client();
$api = $client->api();
$apicheck = fn($c) => $c->api()->apiCheck()->sendRequest($c->api()->apiCheck()->createRequest());

// First, while the partner's only token is the one the Java test expired.
check('expired token: OAuth2InvalidTokenException 4010050', function () use ($client, $apicheck) {
    global $CONFIG;
    $client->initToken($CONFIG['expired_token']);
    expect_error('OAuth2InvalidTokenException', 4010050, fn() => $apicheck($client), '');
});

check('token: wrong password: OAuth2InvalidGrantException 4010040', function () {
    expect_error('OAuth2InvalidGrantException', 4010040, fn() => sdk_client(['password' => 'not-the-password'])->generateToken(), '');
});

check('token: wrong client secret: OAuth2InvalidClientException 4010030', function () {
    expect_error('OAuth2InvalidClientException', 4010030, fn() => sdk_client(['client_secret' => 'not-the-secret'])->generateToken(), '');
});

check('token: signed with another key: BadRsaSignatureException 4010070', function () {
    global $CONFIG;
    expect_error('BadRsaSignatureException', 4010070,
        fn() => sdk_client(['private_key_file' => $CONFIG['wrong_private_key_file']])->generateToken(), '');
});

$token = check('token: POST /oauth/v2/token (generateToken)', fn() => $client->generateToken());

check('call signed with another key: BadRsaSignatureException 4010070', function () use ($token, $apicheck) {
    global $CONFIG;
    $other = sdk_client(['private_key_file' => $CONFIG['wrong_private_key_file']]);
    $other->initToken(need($token, 'a token'));
    expect_error('BadRsaSignatureException', 4010070, fn() => $apicheck($other), '');
});

check('superseded token: OAuth2InvalidTokenException 4010050', function () use ($client, $token, $apicheck) {
    $second = sdk_client();
    $second->generateToken();
    $old = sdk_client();
    $old->initToken(need($token, 'a token'));
    expect_error('OAuth2InvalidTokenException', 4010050, fn() => $apicheck($old), '');
    $client->initToken($second->getCurrentToken());
    authenticated($apicheck($client));
});

check('unsupported API version v2.0: VersionNotSupportedException 4000011', function () use ($client, $apicheck) {
    $v2 = sdk_client(['version' => 'v2.0']);
    $v2->initToken($client->getCurrentToken());
    // The version is refused before the caller is authenticated: the hash is made with an empty username.
    expect_error('VersionNotSupportedException', 4000011, fn() => $apicheck($v2), '');
});

// Fixtures of this partner, made through the SDK.
$account = function (string $type) use ($api) {
    $io = $api->accountCreation();
    $request = $io->createRequest()->setAccType($type)->setAccCurrency(Currency::EUR)->setUserGender(Gender::FEMALE)
        ->setUserFirstName('Chloe')->setUserLastName('Durand')->setUserDob(new \DateTime('1990-06-30'))
        ->setUserPob('Lille')->setUserEmail('chloe@example.com')->setUserMobileNumber('33600000003')
        ->setUserAddrLine1('4 rue Nationale')->setUserAddrZip('59000')->setUserAddrCity('Lille')
        ->setUserAddrCc(Country::FRANCE)->setUserNationality(Country::FRANCE);
    if ($type === AccountType::BUSINESS) {
        $request->setCorpName('Durand SARL');
    }
    return authenticated($io->sendRequest($request))->getAccId();
};
$order = function (int $acc, string $type, float $amount) use ($api) {
    $io = $api->cardOrder();
    $request = $io->createRequest()->setAccId($acc)->setCardName('CHLOE DURAND')->setCardType($type)
        ->setExpiryDate(paris_date('+1 year'))->setAmount($amount);
    if ($type === CardType::PLASTIC) {
        $request->setLanguage(Language::FR)->setDeliveryGender(Gender::FEMALE)->setDeliveryFirstName('Chloe')
            ->setDeliveryLastName('Durand')->setDeliveryAddr1('4 rue Nationale')->setDeliveryZip('59000')
            ->setDeliveryCity('Lille')->setDeliveryCc(Country::FRANCE);
    }
    return authenticated($io->sendRequest($request));
};
$business = check('fixture: a business account', fn() => $account(AccountType::BUSINESS));
$consumer = check('fixture: a consumer account', fn() => $account(AccountType::CONSUMER));
$virtual = check('fixture: a virtual single use card with 20.00', fn() => $order(need($business, 'the business account'),
    CardType::VIRTUAL_SINGLE_USE, 20)->getCardRef());
$multi = check('fixture: a virtual multi use card with 5.00', fn() => $order(need($business, 'the business account'),
    CardType::VIRTUAL_MULTI_USE, 5)->getCardRef());
$plastic = check('fixture: an ordered plastic card', fn() => $order(need($consumer, 'the consumer account'),
    CardType::PLASTIC, 5)->getCardRef());

$credit = fn(string $ref, $amount) => $api->cardCredit()->sendRequest($api->cardCredit()->createRequest()
    ->setCardRef($ref)->setAmount($amount)->setAccComment('x')->setCardComment('x'));
$debit = fn(string $ref, $amount) => $api->cardDebit()->sendRequest($api->cardDebit()->createRequest()
    ->setCardRef($ref)->setAmount($amount)->setAccComment('x')->setCardComment('x'));
$cardInfo = fn(string $ref) => $api->cardInfo()->sendRequest($api->cardInfo()->createRequest()->setCardRef($ref));

check('credit: negative amount: CardInvalidParameterException 4000310', function () use ($credit, $virtual) {
    expect_error('CardInvalidParameterException', 4000310, fn() => $credit(need($virtual, 'the virtual card'), -5));
});

check('credit: amount finer than cents: CardInvalidParameterException 4000310', function () use ($credit, $virtual) {
    expect_error('CardInvalidParameterException', 4000310, fn() => $credit(need($virtual, 'the virtual card'), 1.005));
});

check('debit: not a number: CardInvalidParameterException 4000310', function () use ($debit, $virtual) {
    expect_error('CardInvalidParameterException', 4000310, fn() => $debit(need($virtual, 'the virtual card'), 'ten'));
});

check('card info: unknown card: CardAccountNoRightsException 4030310', function () use ($cardInfo) {
    expect_error('CardAccountNoRightsException', 4030310, fn() => $cardInfo('ANY9999999999'));
});

check('card info: another partner\'s card: CardAccountNoRightsException 4030310', function () use ($cardInfo) {
    global $CONFIG;
    expect_error('CardAccountNoRightsException', 4030310, fn() => $cardInfo($CONFIG['other_partner']['card_ref']));
});

check('credit: another partner\'s card: CardAccountNoRightsException 4030310', function () use ($credit) {
    global $CONFIG;
    expect_error('CardAccountNoRightsException', 4030310, fn() => $credit($CONFIG['other_partner']['card_ref'], 1));
});

check('account info: another partner\'s account: AccountIdNoRightsException 4030210', function () use ($api) {
    global $CONFIG;
    expect_error('AccountIdNoRightsException', 4030210, fn() => $api->accountInfo()->sendRequest(
        $api->accountInfo()->createRequest()->setId($CONFIG['other_partner']['acc_id'])));
});

check('KYC upload: another partner\'s account: AccountIdNoRightsException 4030210', function () use ($api) {
    global $CONFIG;
    $file = tempnam(sys_get_temp_dir(), 'sdk-kyc');
    file_put_contents($file, "\xFF\xD8\xFF\xE0 a picture");
    try {
        expect_error('AccountIdNoRightsException', 4030210, fn() => $api->accountKyc()->sendRequest(
            $api->accountKyc()->createRequest()->setId($CONFIG['other_partner']['acc_id'])->setUserIdentity($file)));
    } finally {
        unlink($file);
    }
});

check('KYC status: another partner\'s account: AccountIdNoRightsException 4030210', function () use ($api) {
    global $CONFIG;
    expect_error('AccountIdNoRightsException', 4030210, fn() => $api->accountKycStatus()->sendRequest(
        $api->accountKycStatus()->createRequest()->setId($CONFIG['other_partner']['acc_id'])));
});

check('card order: another partner\'s account: CardAccountNoRightsException 4030310', function () use ($order) {
    global $CONFIG;
    expect_error('CardAccountNoRightsException', 4030310, fn() => $order($CONFIG['other_partner']['acc_id'],
        CardType::VIRTUAL_MULTI_USE, 10));
});

check('account create: bad email: AccountInvalidParameterException 4000210', function () use ($api) {
    $io = $api->accountCreation();
    expect_error('AccountInvalidParameterException', 4000210, fn() => $io->sendRequest($io->createRequest()
        ->setAccType(AccountType::CONSUMER)->setAccCurrency(Currency::EUR)->setUserGender(Gender::MALE)
        ->setUserFirstName('Dan')->setUserLastName('Roux')->setUserDob(new \DateTime('1970-01-01'))
        ->setUserPob('Metz')->setUserEmail('not-an-email')->setUserMobileNumber('33600000004')
        ->setUserAddrLine1('5 rue Serpenoise')->setUserAddrZip('57000')->setUserAddrCity('Metz')
        ->setUserAddrCc(Country::FRANCE)->setUserNationality(Country::FRANCE)));
});

check('account statements: date_start after date_end: DateStartGreaterThanDateEndFilterException 4000050', function () use ($api, $business) {
    $io = $api->accountStatement();
    expect_error('DateStartGreaterThanDateEndFilterException', 4000050, fn() => $io->sendRequest($io->createRequest()
        ->setId(need($business, 'the business account'))->setDateStart(paris_date('+1 day'))->setDateEnd(paris_date('-1 day'))));
});

check('account statement details: unknown txid: AccountStatementNotFoundException 4040210', function () use ($api, $business) {
    $io = $api->accountStatementDetails();
    expect_error('AccountStatementNotFoundException', 4040210, fn() => $io->sendRequest($io->createRequest()
        ->setId(need($business, 'the business account'))->setTxid(999999999)));
});

check('card transaction details: unknown txid: CardStatementNotFoundException 4040310', function () use ($api, $virtual) {
    $io = $api->cardTransactionDetails();
    expect_error('CardStatementNotFoundException', 4040310, fn() => $io->sendRequest($io->createRequest()
        ->setCardRef(need($virtual, 'the virtual card'))->setTransactionId(999999999)));
});

check('card order: virtual card on a consumer account: CardAccountCannotOrderVirtualCardsException 4030370', function () use ($order, $consumer) {
    expect_error('CardAccountCannotOrderVirtualCardsException', 4030370,
        fn() => $order(need($consumer, 'the consumer account'), CardType::VIRTUAL_MULTI_USE, 10));
});

check('credit: more than the account holds: AccountBalanceTooLowException 4020220', function () use ($api, $credit, $multi, $business) {
    // Within the load maximum (5000), above what the account holds after its card orders.
    $ref = need($multi, 'the multi use card');
    $held = authenticated($api->accountBalance()->sendRequest($api->accountBalance()->createRequest()
        ->setId(need($business, 'the business account'))))->getBalance();
    expect($held + 1 < 5000, 'the account holds less than the load maximum: ' . $held);
    expect_error('AccountBalanceTooLowException', 4020220, fn() => $credit($ref, round($held + 1, 2)));
});

check('credit: a single use card\'s second load: CardCreditSingleUseUnavailableException 4510310', function () use ($credit, $virtual) {
    expect_error('CardCreditSingleUseUnavailableException', 4510310, fn() => $credit(need($virtual, 'the virtual card'), 1));
});

check('debit: more than the card holds: CardBalanceTooLowException 4020320', function () use ($debit, $virtual) {
    expect_error('CardBalanceTooLowException', 4020320, fn() => $debit(need($virtual, 'the virtual card'), 20.01));
});

check('PIN: wrong cvc: CardGetPinBadCvcException 4030380', function () use ($api, $virtual) {
    $ref = need($virtual, 'the virtual card');
    $cvv = (int)authenticated($api->cardGetPan()->sendRequest($api->cardGetPan()->createRequest()->setCardRef($ref)))->getCvv();
    $wrong = sprintf('%03d', $cvv === 999 ? 998 : ($cvv + 1));
    $wrong = $wrong === '000' ? '001' : $wrong; // the sandbox also accepts 000
    $io = $api->cardGetPin();
    expect_error('CardGetPinBadCvcException', 4030380, fn() => $io->sendRequest($io->createRequest()->setCardRef($ref)->setCvc($wrong)));
    // four more wrong CVCs lock the card's PIN: then even the sandbox's 000 is refused, with the same exception
    for ($i = 0; $i < 4; $i++) {
        expect_error('CardGetPinBadCvcException', 4030380, fn() => $io->sendRequest($io->createRequest()->setCardRef($ref)->setCvc($wrong)));
    }
    expect_error('CardGetPinBadCvcException', 4030380, fn() => $io->sendRequest($io->createRequest()->setCardRef($ref)->setCvc('000')));
});

check('credit: ordered card not activated: CardNotActivatedException 4030320', function () use ($credit, $plastic) {
    expect_error('CardNotActivatedException', 4030320, fn() => $credit(need($plastic, 'the plastic card'), 1));
});

check('card update: ORD requested: CardBadStatusUpdateException 4030365', function () use ($api, $plastic) {
    $io = $api->cardUpdate();
    expect_error('CardBadStatusUpdateException', 4030365, fn() => $io->sendRequest($io->createRequest()
        ->setCardRef(need($plastic, 'the plastic card'))->setCardStatus(CardStatus::ORDERED)));
});

check('PAN: plastic card: CardBadCardTypeException 4030360', function () use ($api, $plastic) {
    $ref = need($plastic, 'the plastic card');
    $io = $api->cardUpdate();
    expect_same(CardStatus::ACTIVATED, authenticated($io->sendRequest($io->createRequest()->setCardRef($ref)
        ->setCardStatus(CardStatus::ACTIVATED)))->getStatus(), 'status after ACT');
    $pan = $api->cardGetPan();
    expect_error('CardBadCardTypeException', 4030360, fn() => $pan->sendRequest($pan->createRequest()->setCardRef($ref)));
});

check('PAN: another partner\'s card pictures: CardAccountNoRightsException 4030310', function () use ($api) {
    global $CONFIG;
    $io = $api->cardGetPan();
    expect_error('CardAccountNoRightsException', 4030310, fn() => $io->sendRequest($io->createRequest()
        ->setCardRef($CONFIG['other_partner']['card_ref'])));
});

check('send PAN: plastic card: CardBadCardTypeException 4030360', function () use ($api, $plastic) {
    // activated by the check above
    $io = $api->cardSendPan();
    expect_error('CardBadCardTypeException', 4030360, fn() => $io->sendRequest($io->createRequest()
        ->setCardRef(need($plastic, 'the plastic card'))->setDestMethod('email')->setDestValue('anne@example.com')));
});

check('send PAN: sms to a number with a +: CardInvalidParameterException 4000310', function () use ($api, $virtual) {
    $io = $api->cardSendPan();
    expect_error('CardInvalidParameterException', 4000310, fn() => $io->sendRequest($io->createRequest()
        ->setCardRef(need($virtual, 'the virtual card'))->setDestMethod('sms')->setDestValue('+33600000001')));
});

check('send PAN: unknown dest_method: CardInvalidParameterException 4000310', function () use ($api, $virtual) {
    $io = $api->cardSendPan();
    expect_error('CardInvalidParameterException', 4000310, fn() => $io->sendRequest($io->createRequest()
        ->setCardRef(need($virtual, 'the virtual card'))->setDestMethod('fax')->setDestValue('33600000001')));
});

check('send PIN: another partner\'s card: CardAccountNoRightsException 4030310', function () use ($api) {
    global $CONFIG;
    $io = $api->cardSendPin();
    expect_error('CardAccountNoRightsException', 4030310, fn() => $io->sendRequest($io->createRequest()
        ->setCardRef($CONFIG['other_partner']['card_ref'])));
});

check('send PIN: a fourth text today: MaxQueryRateByFunctionalityReachedException 4290020', function () use ($api, $multi) {
    $ref = need($multi, 'the virtual multi use card');
    $io = $api->cardSendPin();
    for ($i = 0; $i < 3; $i++) {
        authenticated($io->sendRequest($io->createRequest()->setCardRef($ref)));
    }
    expect_error('MaxQueryRateByFunctionalityReachedException', 4290020,
        fn() => $io->sendRequest($io->createRequest()->setCardRef($ref)));
});

check('order tracking: another partner\'s shipped order: OrderIdNoRightsException 4030410', function () use ($api) {
    global $CONFIG;
    $io = $api->orderTracking();
    expect_error('OrderIdNoRightsException', 4030410, fn() => $io->sendRequest($io->createRequest()
        ->setOrderId($CONFIG['other_partner']['order_id'])));
});

check('details display: not an IP: CardInvalidParameterException 4000310', function () use ($api, $multi) {
    $io = $api->cardDetailsDisplay();
    expect_error('CardInvalidParameterException', 4000310, fn() => $io->sendRequest($io->createRequest()
        ->setCardRef(need($multi, 'the virtual card'))->setIp('not-an-ip')));
});

check('details display: another partner\'s card: CardAccountNoRightsException 4030310', function () use ($api) {
    global $CONFIG;
    $io = $api->cardDetailsDisplay();
    expect_error('CardAccountNoRightsException', 4030310, fn() => $io->sendRequest($io->createRequest()
        ->setCardRef($CONFIG['other_partner']['card_ref'])->setIp('127.0.0.1')));
});

check('credit: cancelled card: CardCancelledNoActionException 4030350', function () use ($api, $credit, $virtual) {
    $ref = need($virtual, 'the virtual card');
    $io = $api->cardUpdate();
    expect_same(CardStatus::CANCELED, authenticated($io->sendRequest($io->createRequest()->setCardRef($ref)
        ->setCardStatus(CardStatus::CANCELED)))->getStatus(), 'status after CAN');
    expect_error('CardCancelledNoActionException', 4030350, fn() => $credit($ref, 1));
});

done();
