<?php
// Every route the SDK has and the gateway serves, driven through the official SDK: each answer is read through
// the SDK's model and its hash checked by the SDK (isAuthenticated); errors.php checks the refusals. Run by
// io.anygate.sdk.AnytimeSdkTest.

require __DIR__ . '/bootstrap.php';

use Anytime\ApiClient\Constant\AccountType;
use Anytime\ApiClient\Constant\CardStatus;
use Anytime\ApiClient\Constant\CardType;
use Anytime\ApiClient\Constant\Country;
use Anytime\ApiClient\Constant\Currency;
use Anytime\ApiClient\Constant\Gender;
use Anytime\ApiClient\Constant\KycType;
use Anytime\ApiClient\Constant\KycUploadedFileStatus;
use Anytime\ApiClient\Constant\Language;
use Anytime\ApiClient\Constant\VirtualIbanType;

$client = sdk_client();
$api = $client->api();
// Expiry dates of the cards ordered below, computed once (a run across midnight must not shift them).
$multiExpiry = paris_date('+1 year');
$singleExpiry = paris_date('+6 months');

check('token: POST /oauth/v2/token (generateToken)', function () use ($client, $api) {
    $token = $client->generateToken();
    expect(is_string($token) && strlen($token) > 20, 'generateToken() returned a token');
    // The same call through the model, to check its hash as every other answer.
    $io = $api->oauth2Token();
    $setting = $client->getSetting();
    $answer = authenticated($io->sendRequest($io->createRequest()
        ->setGrantType($setting->getOAuth2GrantType())->setClientId($setting->getOAuth2ClientId())
        ->setClientSecret($setting->getOAuth2ClientSecret())->setUsername($setting->getOAuth2Username())
        ->setPassword($setting->getOAuth2Password())));
    expect(strlen((string)$answer->getAccessToken()) > 20, 'access_token');
    expect(strlen((string)$answer->getRefreshToken()) > 20, 'refresh_token');
    expect_same('bearer', strtolower((string)$answer->getTokenType()), 'token_type');
    $client->initToken($answer->getAccessToken());
});

check('apicheck: GET /v1.0/apicheck (apiCheck)', function () use ($api) {
    $answer = authenticated($api->apiCheck()->sendRequest($api->apiCheck()->createRequest()));
    $told = $answer->getDateTime();
    expect($told instanceof \DateTime, 'date_time is a date-time');
    expect(abs($told->getTimestamp() - time()) < 120, 'date_time is now (read in Paris time by the SDK): '
        . $told->format(DATE_ATOM));
});

check('apicheck: POST /v1.0/apicheck (apiCheckPost)', function () use ($api) {
    $io = $api->apiCheckPost();
    $answer = authenticated($io->sendRequest($io->createRequest()->setTestParam('This is a test value')));
    expect_same('This is a test value', $answer->getTestParam(), 'test_param echoed');
});

$business = check('account create: POST /v1.0/accounts business (accountCreation)', function () use ($api) {
    $io = $api->accountCreation();
    $answer = authenticated($io->sendRequest($io->createRequest()
        ->setAccType(AccountType::BUSINESS)->setAccCurrency(Currency::EUR)->setUserGender(Gender::FEMALE)
        ->setUserFirstName('Alice')->setUserLastName('Martin')->setUserDob(new \DateTime('1985-04-12'))
        ->setUserPob('Lyon')->setUserEmail('alice@example.com')->setUserMobileNumber('33600000001')
        ->setUserAddrLine1('1 rue de la Paix')->setUserAddrZip('75002')->setUserAddrCity('Paris')
        ->setUserAddrCc(Country::FRANCE)->setUserNationality(Country::FRANCE)
        ->setCorpName('Acme SA')->setCorpRegNum('B123456')->setCorpType('SA')->setCorpActivity('Widgets')
        ->setCorpAddrLine1('2 avenue Louise')->setCorpAddrZip('1050')->setCorpAddrCity('Bruxelles')
        ->setCorpAddrCc(Country::BELGIUM)));
    expect_same(AccountType::BUSINESS, $answer->getAccType(), 'acc_type');
    expect(is_int($answer->getAccId()) && $answer->getAccId() > 0, 'acc_id is a positive integer');
    return $answer->getAccId();
});

$consumer = check('account create: POST /v1.0/accounts consumer (accountCreation)', function () use ($api) {
    $io = $api->accountCreation();
    $answer = authenticated($io->sendRequest($io->createRequest()
        ->setAccType(AccountType::CONSUMER)->setAccCurrency(Currency::EUR)->setUserGender(Gender::MALE)
        ->setUserFirstName('Bruno')->setUserLastName('Petit')->setUserDob(new \DateTime('1979-11-02'))
        ->setUserPob('Nantes')->setUserEmail('bruno@example.com')->setUserMobileNumber('33600000002')
        ->setUserAddrLine1('3 quai de la Fosse')->setUserAddrLine2('Bat. B')->setUserAddrZip('44000')
        ->setUserAddrCity('Nantes')->setUserAddrCc(Country::FRANCE)->setUserNationality(Country::FRANCE)));
    expect_same(AccountType::CONSUMER, $answer->getAccType(), 'acc_type');
    return $answer->getAccId();
});

check('account list: GET /v1.0/accounts (accountList)', function () use ($api, $business, $consumer) {
    $io = $api->accountList();
    $answer = authenticated($io->sendRequest($io->createRequest()->setLimitStart(0)->setLimitNumber(1000)));
    $types = [];
    foreach ($answer->getAccounts() as $account) {
        $types[$account->getAccId()] = $account->getAccType();
    }
    expect_same(AccountType::BUSINESS, $types[need($business, 'the business account')] ?? null, 'business account listed');
    expect_same(AccountType::CONSUMER, $types[need($consumer, 'the consumer account')] ?? null, 'consumer account listed');
});

check('account info: GET /v1.0/accounts/{id} (accountInfo)', function () use ($api, $business) {
    $io = $api->accountInfo();
    $answer = authenticated($io->sendRequest($io->createRequest()->setId(need($business, 'the business account'))));
    expect_same($business, $answer->getAccId(), 'acc_id');
    expect_same(AccountType::BUSINESS, $answer->getAccType(), 'acc_type');
    expect_same('EUR', $answer->getAccCurrency(), 'acc_currency');
    expect_same('Alice', $answer->getUserFirstName(), 'user_first_name');
    expect_same('alice@example.com', $answer->getUserEmail(), 'user_email');
    expect_same('1985-04-12', $answer->getUserDob()->format('Y-m-d'), 'user_dob');
    expect_same(Country::FRANCE, $answer->getUserAddrCc(), 'user_addr_cc');
    expect_same('Acme SA', $answer->getCorpName(), 'corp_name');
    expect_same(Country::BELGIUM, $answer->getCorpAddrCc(), 'corp_addr_cc');
    expect_same('', (string)$answer->getIban()->getIban(), 'iban (none)');
    expect_same([], $answer->getVirtualIbans(), 'virtual_ibans (none)');
});

check('account update: PUT /v1.0/accounts/{id} (accountUpdate)', function () use ($api, $consumer) {
    $io = $api->accountUpdate();
    $answer = authenticated($io->sendRequest($io->createRequest()->setId(need($consumer, 'the consumer account'))
        ->setUserEmail('bruno.petit@example.com')->setUserAddrCity('Saint-Herblain')));
    expect_same($consumer, $answer->getAccId(), 'acc_id');
    expect_same(AccountType::CONSUMER, $answer->getAccType(), 'acc_type');
    $info = authenticated($api->accountInfo()->sendRequest($api->accountInfo()->createRequest()->setId($consumer)));
    expect_same('bruno.petit@example.com', $info->getUserEmail(), 'user_email after the update');
    expect_same('Saint-Herblain', $info->getUserAddrCity(), 'user_addr_city after the update');
    expect_same('Bruno', $info->getUserFirstName(), 'user_first_name kept');
});

$balance = function (int $account) use ($api): float {
    $io = $api->accountBalance();
    $answer = authenticated($io->sendRequest($io->createRequest()->setId($account)));
    expect_same($account, $answer->getAccId(), 'acc_id');
    return (float)$answer->getBalance();
};

$opening = check('account balance: GET /v1.0/accounts/{id}/balance (accountBalance)', function () use ($balance, $business) {
    $value = $balance(need($business, 'the business account'));
    expect($value > 100, 'the sandbox funds a new account (balance ' . $value . ')');
    return $value;
});

$order = function (array $set) use ($api) {
    $io = $api->cardOrder();
    $request = $io->createRequest();
    foreach ($set as $setter => $value) {
        $request->$setter($value);
    }
    return authenticated($io->sendRequest($request));
};

$multi = check('card order: POST /v1.0/cards virtual multi use (cardOrder)', function () use ($order, $business, $multiExpiry) {
    $answer = $order(['setAccId' => need($business, 'the business account'), 'setCardName' => 'ACME PAY',
        'setCardType' => CardType::VIRTUAL_MULTI_USE, 'setExpiryDate' => $multiExpiry, 'setAmount' => 25]);
    expect_same(9, $answer->getOrderStatus(), 'order_status (virtual: active at once)');
    expect(preg_match('/^ANY\d{10}$/', (string)$answer->getCardRef()) === 1, 'card_ref ' . $answer->getCardRef());
    expect($answer->getOrderId() > 0, 'order_id');
    return ['ref' => $answer->getCardRef(), 'order' => $answer->getOrderId()];
});

$single = check('card order: POST /v1.0/cards virtual single use (cardOrder)', function () use ($order, $business, $singleExpiry) {
    $answer = $order(['setAccId' => need($business, 'the business account'), 'setCardName' => 'ACME ONCE',
        'setCardType' => CardType::VIRTUAL_SINGLE_USE, 'setExpiryDate' => $singleExpiry, 'setAmount' => 5]);
    expect_same(9, $answer->getOrderStatus(), 'order_status');
    return $answer->getCardRef();
});

$plastic = check('card order: POST /v1.0/cards plastic (cardOrder)', function () use ($order, $consumer) {
    $answer = $order(['setAccId' => need($consumer, 'the consumer account'), 'setCardName' => 'BRUNO PETIT',
        'setCardType' => CardType::PLASTIC, 'setExpiryDate' => paris_date('+2 years'), 'setAmount' => 10,
        'setLanguage' => Language::FR, 'setDeliveryGender' => Gender::MALE, 'setDeliveryFirstName' => 'Bruno',
        'setDeliveryLastName' => 'Petit', 'setDeliveryAddr1' => '3 quai de la Fosse', 'setDeliveryZip' => '44000',
        'setDeliveryCity' => 'Nantes', 'setDeliveryCc' => Country::FRANCE]);
    expect_same(3, $answer->getOrderStatus(), 'order_status (plastic: ordered, to activate)');
    return ['ref' => $answer->getCardRef(), 'order' => $answer->getOrderId()];
});

$cardInfo = function (string $ref) use ($api) {
    $io = $api->cardInfo();
    return authenticated($io->sendRequest($io->createRequest()->setCardRef($ref)));
};

check('card info: GET /v1.0/cards/{card_ref} (cardInfo)', function () use ($cardInfo, $multi, $business, $multiExpiry) {
    $info = $cardInfo(need($multi, 'the virtual card')['ref']);
    expect_same($multi['ref'], $info->getCardRef(), 'card_ref');
    expect_same($business, $info->getAccId(), 'acc_id');
    expect_same(CardStatus::ACTIVATED, $info->getStatus(), 'status');
    expect_same(25.0, $info->getBalance(), 'balance');
    expect_same(1, $info->getPos(), 'pos');
    expect_same(1, $info->getAtm(), 'atm');
    expect_same('ACME PAY', $info->getCardName()->getEmbossed(), 'card_name.embossed');
    expect_same($multiExpiry->format('Y-m'), $info->getExpiryDate()->format('Y-m'), 'expiry_date');
    expect(abs($info->getActivationDate()->getTimestamp() - time()) < 2 * 86400, 'activation_date today');
});

check('card info: GET /v1.0/cards/{card_ref} of an ordered plastic card (cardInfo)', function () use ($cardInfo, $plastic) {
    $info = $cardInfo(need($plastic, 'the plastic card')['ref']);
    expect_same(CardStatus::ORDERED, $info->getStatus(), 'status');
    expect_same(10.0, $info->getBalance(), 'balance (the initial load)');
    expect((int)$info->getActivationDate()->format('Y') < 1, 'never activated: activation_date is the zero date');
});

check('account card list: GET /v1.0/accounts/{id}/cards (accountCardList)', function () use ($api, $business, $multi, $single) {
    $io = $api->accountCardList();
    $answer = authenticated($io->sendRequest($io->createRequest()->setId(need($business, 'the business account'))
        ->setLimitStart(0)->setLimitNumber(50)));
    expect_same($business, $answer->getAccId(), 'acc_id');
    $cards = [];
    foreach ($answer->getCards() as $card) {
        $cards[$card->getCardRef()] = $card;
    }
    $card = $cards[need($multi, 'the virtual card')['ref']] ?? null;
    expect($card !== null, 'the multi use card is listed');
    expect(isset($cards[need($single, 'the single use card')]), 'the single use card is listed');
    expect_same(CardType::VIRTUAL_MULTI_USE, $card->getCardType(), 'card_type');
    expect_same(CardStatus::ACTIVATED, $card->getStatus(), 'status');
    expect_same(25.0, $card->getBalance(), 'balance');
    expect_same('Alice', $card->getCardHolder()->getFirstName(), 'card_holder.first_name');
});

$update = function (string $ref, array $set) use ($api) {
    $io = $api->cardUpdate();
    $request = $io->createRequest()->setCardRef($ref);
    foreach ($set as $setter => $value) {
        $request->$setter($value);
    }
    return authenticated($io->sendRequest($request));
};

check('card update: PUT /v1.0/cards/{card_ref} activation ORD -> ACT (cardUpdate)', function () use ($update, $cardInfo, $plastic) {
    $answer = $update(need($plastic, 'the plastic card')['ref'], ['setCardStatus' => CardStatus::ACTIVATED]);
    expect_same($plastic['ref'], $answer->getCardRef(), 'card_ref');
    expect_same(CardStatus::ACTIVATED, $answer->getStatus(), 'status');
    expect_same(CardStatus::ACTIVATED, $cardInfo($plastic['ref'])->getStatus(), 'card info status');
});

check('card update: PUT /v1.0/cards/{card_ref} pos and atm off (cardUpdate)', function () use ($update, $cardInfo, $plastic) {
    $answer = $update(need($plastic, 'the plastic card')['ref'], ['setCardPos' => 0, 'setCardAtm' => 0]);
    expect_same(0, $answer->getPos(), 'pos');
    expect_same(0, $answer->getAtm(), 'atm');
    $info = $cardInfo($plastic['ref']);
    expect_same(0, $info->getPos(), 'card info pos');
    expect_same(0, $info->getAtm(), 'card info atm');
});

check('card update: PUT /v1.0/cards/{card_ref} block then unblock (cardUpdate)', function () use ($update, $cardInfo, $plastic) {
    expect_same(CardStatus::BLOCKED, $update(need($plastic, 'the plastic card')['ref'],
        ['setCardStatus' => CardStatus::BLOCKED])->getStatus(), 'status after BLO');
    expect_same(CardStatus::BLOCKED, $cardInfo($plastic['ref'])->getStatus(), 'card info status after BLO');
    expect_same(CardStatus::ACTIVATED, $update($plastic['ref'], ['setCardStatus' => CardStatus::ACTIVATED])->getStatus(),
        'status after ACT');
});

$credit = check('card credit: POST /v1.0/cards/{card_ref}/credit (cardCredit)', function () use ($api, $cardInfo, $balance, $multi, $business, $opening) {
    $io = $api->cardCredit();
    $answer = authenticated($io->sendRequest($io->createRequest()->setCardRef(need($multi, 'the virtual card')['ref'])
        ->setAmount(10)->setAccComment('sdk topup (account)')->setCardComment('sdk topup (card)')));
    expect_same($multi['ref'], $answer->getCardRef(), 'card_ref');
    expect_same($business, $answer->getCardAccId(), 'card_acc_id');
    expect($answer->getTransactionId() > 0, 'transaction_id (sandbox)');
    expect_same(35.0, $cardInfo($multi['ref'])->getBalance(), 'card balance after the load');
    expect_same(round(need($opening, 'the opening balance') - 25 - 5 - 10, 2), round($balance($business), 2),
        'account balance after the two orders and the load');
    return $answer->getTransactionId();
});

$debit = check('card debit: POST /v1.0/cards/{card_ref}/debit (cardDebit)', function () use ($api, $cardInfo, $multi, $business) {
    $io = $api->cardDebit();
    $answer = authenticated($io->sendRequest($io->createRequest()->setCardRef(need($multi, 'the virtual card')['ref'])
        ->setAmount(4.5)->setAccComment('sdk unload (account)')->setCardComment('sdk unload (card)')));
    expect_same($multi['ref'], $answer->getCardRef(), 'card_ref');
    expect_same($business, $answer->getCardAccId(), 'card_acc_id');
    expect_same(30.5, $cardInfo($multi['ref'])->getBalance(), 'card balance after the unload');
    return $answer->getTransactionId();
});

check('card transactions: GET /v1.0/cards/{card_ref}/transactions (cardTransaction)', function () use ($api, $multi, $credit, $debit, $business) {
    $io = $api->cardTransaction();
    $answer = authenticated($io->sendRequest($io->createRequest()->setCardRef(need($multi, 'the virtual card')['ref'])
        ->setDateStart(paris_date('-1 day'))->setDateEnd(paris_date('+1 day'))->setLimitStart(0)->setLimitNumber(50)));
    expect_same($multi['ref'], $answer->getCardRef(), 'card_ref');
    expect_same($business, $answer->getAccId(), 'acc_id');
    $lines = [];
    foreach ($answer->getTransactions() as $t) {
        $lines[(int)$t->getTxid()] = $t;
    }
    expect(count($lines) === 3, 'three transactions (initial load, load, unload): ' . implode(',', array_keys($lines)));
    $load = $lines[need($credit, 'the load')] ?? null;
    $unload = $lines[need($debit, 'the unload')] ?? null;
    expect($load !== null && $unload !== null, 'the load and the unload are listed');
    expect_same('C', $load->getType(), 'load type');
    expect_same(10.0, (float)$load->getAmount(), 'load amount');
    expect_same('sdk topup (card)', $load->getDescription(), 'load description (card_comment)');
    expect_same('D', $unload->getType(), 'unload type');
    expect_same(30.5, (float)$unload->getBalanceAfter(), 'balance_after of the unload');
    expect($unload->getDate() instanceof \DateTime, 'date');
});

check('card transaction details: GET /v1.0/cards/{card_ref}/transactions/{txid} (cardTransactionDetails)', function () use ($api, $multi, $credit) {
    $io = $api->cardTransactionDetails();
    $answer = authenticated($io->sendRequest($io->createRequest()->setCardRef(need($multi, 'the virtual card')['ref'])
        ->setTransactionId(need($credit, 'the load'))));
    expect_same($credit, (int)$answer->getTxid(), 'txid');
    expect_same(10.0, $answer->getAmount(), 'amount');
    expect_same('EUR', $answer->getCurrency(), 'currency');
    expect_same('S', $answer->getStatus(), 'status');
    expect_same('sdk topup (card)', $answer->getDescription(), 'description');
});

check('account statements: GET /v1.0/accounts/{id}/statements (accountStatement)', function () use ($api, $business, $credit) {
    $io = $api->accountStatement();
    $answer = authenticated($io->sendRequest($io->createRequest()->setId(need($business, 'the business account'))
        ->setDateStart(paris_date('-1 day'))->setDateEnd(paris_date('+1 day'))->setLimitStart(0)->setLimitNumber(50)));
    expect_same($business, $answer->getAccId(), 'acc_id');
    expect_same(AccountType::BUSINESS, $answer->getAccType(), 'acc_type');
    $found = null;
    foreach ($answer->getTransactions() as $t) {
        if ((int)$t->getTxid() === need($credit, 'the load')) {
            $found = $t;
        }
    }
    expect($found !== null, 'the load is on the statement');
    expect_same('D', $found->getType(), 'type (money left the account)');
    expect_same(10.0, $found->getAmount(), 'amount');
    expect_same('sdk topup (account)', $found->getDescription(), 'description (acc_comment)');
    expect($found->getDate() instanceof \DateTime, 'date');
});

check('account statement details: GET /v1.0/accounts/{id}/statements/{id}-{txid} (accountStatementDetails)', function () use ($api, $business, $credit) {
    $io = $api->accountStatementDetails();
    $answer = authenticated($io->sendRequest($io->createRequest()->setId(need($business, 'the business account'))
        ->setTxid(need($credit, 'the load'))));
    expect_same($credit, (int)$answer->getTxid(), 'txid');
    expect_same(10.0, $answer->getAmount(), 'amount');
    expect_same('D', $answer->getType(), 'type');
    expect_same('sdk topup (account)', $answer->getDescription(), 'description');
});

check('unlinked cards: GET /v1.0/cards/unlinked (cardUnlinked)', function () use ($api) {
    $io = $api->cardUnlinked();
    $answer = authenticated($io->sendRequest($io->createRequest()->setLimitStart(0)->setLimitNumber(10)));
    expect_same([], $answer->getCards(), 'no unlinked card (every card is linked at order time)');
});

check('PAN: GET /v1.0/cards/{card_ref}/pan of a single use card (cardGetPan)', function () use ($api, $single, $singleExpiry) {
    $io = $api->cardGetPan();
    $answer = authenticated($io->sendRequest($io->createRequest()->setCardRef(need($single, 'the single use card'))));
    expect(preg_match('/^\d{16}$/', (string)$answer->getPan()) === 1, 'pan: 16 digits');
    expect(preg_match('/^\d{3}$/', (string)$answer->getCvv()) === 1, 'cvv: 3 digits');
    expect_same($singleExpiry->format('Y-m'), $answer->getExpiryDate()->format('Y-m'), 'expiry_date');
});

check('PAN: GET /v1.0/cards/{card_ref}/pan of a multi use card (cardGetPan)', function () use ($api, $multi, $multiExpiry) {
    $io = $api->cardGetPan();
    $answer = authenticated($io->sendRequest($io->createRequest()->setCardRef(need($multi, 'the virtual card')['ref'])));
    expect_same($multiExpiry->format('Y-m'), $answer->getExpiryDate()->format('Y-m'), 'expiry_date');
    // front and back: the card drawn as base64 PNGs of the ID-1 format
    foreach (['front' => $answer->getFront(), 'back' => $answer->getBack()] as $side => $picture) {
        $png = base64_decode($picture, true);
        expect($png !== false && substr($png, 0, 8) === "\x89PNG\r\n\x1a\n", $side . ': a base64 PNG');
        $size = getimagesizefromstring($png);
        expect($size !== false && $size[2] === IMAGETYPE_PNG, $side . ': a readable PNG');
        expect_same([640, 404], [$size[0], $size[1]], $side . ': width and height');
    }
    expect($answer->getFront() !== $answer->getBack(), 'front and back differ');
});

check('PIN: GET /v1.0/cards/{card_ref}/pin (cardGetPin)', function () use ($api, $plastic) {
    $io = $api->cardGetPin();
    $answer = authenticated($io->sendRequest($io->createRequest()->setCardRef(need($plastic, 'the plastic card')['ref'])
        ->setCvc('000')));
    expect(preg_match('/^\d{4}$/', $answer->getPin()) === 1, 'pin: 4 digits');
});

check('order tracking: GET /v1.0/orders/{id}/tracking of an own order not shipped yet (orderTracking)', function () use ($api, $plastic) {
    $io = $api->orderTracking();
    expect_error('OrderNoAvailableTrackingDataException', 4040410,
        fn() => $io->sendRequest($io->createRequest()->setOrderId(need($plastic, 'the plastic card')['order'])));
});

check('order tracking: GET /v1.0/orders/{id}/tracking of a shipped order (orderTracking)', function () use ($api) {
    global $CONFIG;
    $io = $api->orderTracking();
    $answer = authenticated($io->sendRequest($io->createRequest()->setOrderId($CONFIG['shipped_order']['order_id'])));
    expect_same($CONFIG['shipped_order']['tracking_link'], $answer->getTrackingLink(), 'tracking_link');
});

check('multi-request: POST /v1.0/multi-request (multiRequest)', function () use ($api, $cardInfo, $multi, $business) {
    global $CONFIG;
    $ref = need($multi, 'the virtual card')['ref'];
    $info = $api->cardInfo()->createRequest()->setCardRef($ref);
    $bal = $api->accountBalance()->createRequest()->setId(need($business, 'the business account'));
    $foreign = $api->cardInfo()->createRequest()->setCardRef($CONFIG['other_partner']['card_ref']);
    $load = $api->cardCredit()->createRequest()->setCardRef($ref)->setAmount(1)->setAccComment('batch')
        ->setCardComment('batch');
    $io = $api->multiRequest();
    $answer = authenticated($io->sendRequest($io->createRequest()->setRequests([$info, $bal, $foreign, $load])));
    $slots = $answer->getResponses();
    expect_same(4, count($slots), 'one answer per sub-request');
    expect_same([200, 200, 403, 200], array_map(fn($s) => (int)$s->getHttpStatusCode(), $slots), 'http_status_code');
    foreach ($slots as $i => $slot) {
        expect(hash_holds($slot->getResponse()->getHeader(), $CONFIG['partner']['username']),
            'sub-answer ' . $i . ': the SDK\'s hash check fails');
    }
    expect_same($ref, $slots[0]->getResponse()->getCardRef(), 'sub-answer 0: card_ref');
    expect_same(30.5, $slots[0]->getResponse()->getBalance(), 'sub-answer 0: balance');
    expect_same($business, $slots[1]->getResponse()->getAccId(), 'sub-answer 1: acc_id');
    expect_same(4030310, $slots[2]->getResponse()->getData()['error']['code'] ?? null, 'sub-answer 2: error code');
    expect_same($ref, $slots[3]->getResponse()->getCardRef(), 'sub-answer 3: card_ref of the load');
    expect_same(31.5, $cardInfo($ref)->getBalance(), 'the load in the batch was applied once');
});

check('card update: PUT /v1.0/cards/{card_ref} renewal (cardUpdate)', function () use ($update, $cardInfo, $plastic) {
    $answer = $update(need($plastic, 'the plastic card')['ref'], ['setCardRenew' => 1]);
    expect_same(1, $answer->getRenew(), 'renew');
    expect(preg_match('/^ANY\d{10}$/', (string)$answer->getCardRef()) === 1 && $answer->getCardRef() !== $plastic['ref'],
        'a new card_ref: ' . $answer->getCardRef());
    expect_same(CardStatus::CANCELED, $cardInfo($plastic['ref'])->getStatus(), 'the old card reads CAN');
    expect_same(10.0, $cardInfo($answer->getCardRef())->getBalance(), 'the new card keeps the balance');
});

check('IBAN creation: POST /v1.0/accounts/{id}/iban (accountIbanCreation)', function () use ($api, $business) {
    $acc = need($business, 'the business account');
    $answer = authenticated($api->accountIbanCreation()->sendRequest($api->accountIbanCreation()->createRequest()
        ->setId($acc)->setCountryCode(Country::FRANCE)));
    $iban = (string)$answer->getIban();
    expect(preg_match('/^FR\d{2}[0-9A-Z]{23}$/', $iban) === 1, 'a French IBAN: ' . $iban);
    expect(iban_mod97($iban) === 1, 'its check digits hold (mod 97 = 1): ' . $iban);
    expect((string)$answer->getSwift() !== '', 'a swift');
    expect_error('AccountIbanAlreadyExistsException', 4000230, fn() => $api->accountIbanCreation()->sendRequest(
        $api->accountIbanCreation()->createRequest()->setId($acc)->setCountryCode(Country::FRANCE)));
    return $iban;
});

check('virtual IBAN creation: POST /v1.0/accounts/{id}/virtual-ibans (accountVirtualIbanCreation)',
    function () use ($api, $business) {
        $acc = need($business, 'the business account');
        $answer = authenticated($api->accountVirtualIbanCreation()->sendRequest($api->accountVirtualIbanCreation()
            ->createRequest()->setId($acc)->setType(VirtualIbanType::CREDIT)));
        expect(iban_mod97((string)$answer->getIban()) === 1, 'a valid virtual IBAN: ' . $answer->getIban());
        expect_same(VirtualIbanType::CREDIT, $answer->getType(), 'type');
    });

check('IBAN statements: GET /v1.0/accounts/{id}/iban-statements (accountIbanStatement)', function () use ($api, $business) {
    $acc = need($business, 'the business account');
    $answer = authenticated($api->accountIbanStatement()->sendRequest($api->accountIbanStatement()->createRequest()
        ->setId($acc)));
    expect_same($acc, $answer->getAccId(), 'acc_id');
    expect(is_array($answer->getTransactions()), 'transactions is a list');
});

check('details display: POST /v1.0/cards/{card_ref}/details-display (cardDetailsDisplay)', function () use ($api, $multi) {
    $io = $api->cardDetailsDisplay();
    // made for this script's own address: the page is opened below from 127.0.0.1
    $answer = authenticated($io->sendRequest($io->createRequest()->setCardRef(need($multi, 'the virtual card')['ref'])
        ->setIp('127.0.0.1')));
    $link = $answer->getTempLink();
    expect(preg_match('#^http://127\.0\.0\.1:\d+/card-details/[A-Za-z0-9_-]{43}$#', $link) === 1, 'temp_link ' . $link);
    $open = function (string $url): array {
        $c = curl_init($url);
        curl_setopt_array($c, [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 30]);
        $body = (string)curl_exec($c);
        $status = curl_getinfo($c, CURLINFO_RESPONSE_CODE);
        curl_close($c);
        return [$status, $body];
    };
    [$status, $page] = $open($link);
    expect_same(200, $status, 'the page opens once');
    expect(preg_match('#<dd id="pan">(\d{4} ){3}\d{4}</dd>#', $page) === 1, 'the page shows a PAN');
    [$status, $page] = $open($link);
    expect_same(410, $status, 'a second opening is refused');
    expect(strpos($page, 'This link is no longer valid') !== false && strpos($page, 'id="pan"') === false,
        'the refusal page, without the details');
});
$transfer = check('credit transfer: POST /v1.0/accounts/{id}/credit-transfers (accountCreditTransfer)',
    function () use ($api, $business) {
        $acc = need($business, 'the business account');
        $io = $api->accountCreditTransfer();
        $answer = authenticated($io->sendRequest($io->createRequest()->setId($acc)
            ->setDstName('Bob Durand')->setDstIban('FR7630006000011234567890189')->setDstSwift('AGRIFRPP')
            ->setAmount(10)->setSrcComment('Rent March')->setDstComment('Rent 2026-03')));
        expect($answer->getInternalId() > 0, 'internal_id: ' . $answer->getInternalId());
        expect_same($acc, $answer->getSenderAccountId(), 'sender_account_id');
        expect_same('business', $answer->getSenderAccountType(), 'sender_account_type');
        expect_same('In progress', $answer->getStatus(), 'status');
        expect_same('ct', $answer->getTransactionType(), 'transaction_type');
        expect_same('Bob Durand', $answer->getBeneficiaryName(), 'beneficiary_name');
        expect_same('FR7630006000011234567890189', $answer->getBeneficiaryIban(), 'beneficiary_iban');
        expect_same('AGRIFRPP', $answer->getBeneficiarySwiftCode(), 'beneficiary_swift_code');
        expect_same('Rent 2026-03', $answer->getReason(), 'reason');
        expect_same(10.0, $answer->getAmount(), 'amount');
        expect_same('EUR', $answer->getCurrency(), 'currency');
        expect($answer->getCreationDate() instanceof \DateTime, 'creation_date is a date-time');
        expect($answer->getRequestDate() instanceof \DateTime, 'request_date is a date');
        expect_same(null, $answer->getExecutionDate(), 'execution_date (not executed yet)');
        expect_error('AccountInvalidParameterException', 4000210, fn() => $io->sendRequest($io->createRequest()
            ->setId($acc)->setDstName('Bob')->setDstIban('FR7630006000011234567890188')->setDstSwift('AGRIFRPP')
            ->setAmount(10)->setSrcComment('x')->setDstComment('x')));
        return $answer->getInternalId();
    });

check('credit transfer list: GET /v1.0/accounts/{id}/credit-transfers (accountCreditTransferList)',
    function () use ($api, $business, $transfer) {
        $acc = need($business, 'the business account');
        $ctid = need($transfer, 'the credit transfer');
        $io = $api->accountCreditTransferList();
        $executed = null;
        for ($i = 0; $i < 60 && $executed === null; $i++) {
            $answer = authenticated($io->sendRequest($io->createRequest()->setAccountId($acc)));
            foreach ($answer->getCreditTransfers() as $ct) {
                if ($ct->getInternalId() === $ctid && $ct->getStatus() === 'Executed') {
                    $executed = $ct;
                }
            }
            if ($executed === null) {
                usleep(500000);
            }
        }
        expect($executed !== null, 'the sandbox rail executed the transfer');
        expect_same($acc, $executed->getSenderAccountId(), 'sender_account_id');
        expect_same('AGRIFRPP', $executed->getBeneficiarySwiftCode(), 'beneficiary_swift_code');
        expect(preg_match('/^\d{12}$/', (string)$executed->getExecutionReference()) === 1,
            'execution_reference: ' . $executed->getExecutionReference());
        expect(preg_match('/^\d{4}-\d\d-\d\d$/', (string)$executed->getExecutionDate()) === 1,
            'execution_date: ' . $executed->getExecutionDate());
        expect(count($answer->getCreditTransfers()) >= 1, 'the list has the transfer');
    });

check('credit transfer testimonial: GET /v1.0/accounts/{id}/credit-transfers/{ctid}/testimonial'
    . ' (accountCreditTransferTestimonialDownload)', function () use ($api, $business, $transfer) {
        $acc = need($business, 'the business account');
        $ctid = need($transfer, 'the credit transfer');
        $io = $api->accountCreditTransferTestimonialDownload();
        $pdf = (string)$io->sendRequest($io->createRequest()->setAccountId($acc)->setCreditTransferId($ctid))->getPDF();
        expect(strncmp($pdf, '%PDF-', 5) === 0, 'the testimonial is a PDF (' . strlen($pdf) . ' bytes)');
        expect_error('AccountCreditTransferNotFoundException', 4040220, fn() => $io->sendRequest(
            $io->createRequest()->setAccountId($acc)->setCreditTransferId(999999999)));
    });

// What the cardholder received, as the sandbox outbox lists it (newest first).
$outbox = function (string $cardRef): array {
    global $CONFIG;
    $json = file_get_contents('http://127.0.0.1:' . $CONFIG['port'] . '/sandbox/cardholder/outbox?card_ref='
        . urlencode($cardRef));
    return json_decode((string)$json, true) ?? [];
};

check('send PIN: POST /v1.0/cards/{card_ref}/pin (cardSendPin)', function () use ($api, $business, $multi, $outbox) {
    $ref = need($multi, 'the virtual card')['ref'];
    $io = $api->cardSendPin();
    $answer = authenticated($io->sendRequest($io->createRequest()->setCardRef($ref)));
    expect_same(need($business, 'the business account'), $answer->getAccId(), 'acc_id');
    expect_same($ref, $answer->getCardRef(), 'card_ref');
    $sent = $outbox($ref)[0] ?? [];
    expect_same('sms', $sent['channel'] ?? null, 'the sandbox outbox has the text');
    expect_same('33600000001', $sent['address'] ?? null, 'sent to the holder\'s mobile');
    expect(preg_match('/has PIN \d{4}\./', (string)($sent['body'] ?? '')) === 1, 'the text holds a PIN');
});

check('send PAN: POST /v1.0/cards/{card_ref}/pan (cardSendPan)', function () use ($api, $single, $outbox) {
    $ref = need($single, 'the single use card');
    $io = $api->cardSendPan();
    $answer = authenticated($io->sendRequest($io->createRequest()->setCardRef($ref)->setDestMethod('email')
        ->setDestValue('alice@example.com')));
    expect_same('sent', $answer->getState(), 'state');
    $pan = $api->cardGetPan();
    $details = authenticated($pan->sendRequest($pan->createRequest()->setCardRef($ref)));
    $sent = $outbox($ref)[0] ?? [];
    expect_same('email', $sent['channel'] ?? null, 'the sandbox outbox has the email');
    expect_same('alice@example.com', $sent['address'] ?? null, 'sent to dest_value');
    expect(str_contains(str_replace(' ', '', (string)($sent['body'] ?? '')), (string)$details->getPan())
        && str_contains((string)($sent['body'] ?? ''), 'CVV ' . $details->getCvv()), 'the email holds PAN and CVV');
});

// KYC: the SDK sends each file as a multipart part named <field>.jpg; the gateway sniffs what it holds.
$kycFile = function (string $bytes): string {
    $file = tempnam(sys_get_temp_dir(), 'sdk-kyc');
    file_put_contents($file, $bytes);
    return $file;
};

check('KYC upload: POST /v1.0/accounts/{id}/kyc (accountKyc)', function () use ($api, $consumer, $kycFile) {
    $acc = need($consumer, 'the consumer account');
    $jpeg = $kycFile("\xFF\xD8\xFF\xE0" . str_repeat('a', 200));
    $pdf = $kycFile("%PDF-1.4\n" . str_repeat('b', 200));
    $text = $kycFile('not a picture at all');
    try {
        $answer = authenticated($api->accountKyc()->sendRequest($api->accountKyc()->createRequest()->setId($acc)
            ->setUserIdentity($jpeg)->setUserIdentityBack($jpeg)->setUserDom1($pdf)->setUserSelfie($text)));
    } finally {
        unlink($jpeg);
        unlink($pdf);
        unlink($text);
    }
    $status = $answer->getFileStatus();
    expect_same(0, $status->getUserIdentity()->getStatus(), 'user_identity status');
    expect_same(0, $status->getUserIdentityBack()->getStatus(), 'user_identity_back status');
    expect_same(0, $status->getUserDom1()->getStatus(), 'user_dom_1 status (the SDK reads it as user_dom1)');
    expect_same(1, $status->getUserSelfie()->getStatus(), 'user_selfie status: not JPEG, PNG nor PDF');
    expect($status->getUserSelfie()->getError() !== '', 'an error label for the selfie');
});

check('KYC status: GET /v1.0/accounts/{id}/kyc (accountKycStatus)', function () use ($api, $consumer) {
    $acc = need($consumer, 'the consumer account');
    // the sandbox reviews each document after gateway.kyc.sandbox.review-delay (1 s in tests)
    $deadline = microtime(true) + 20;
    do {
        $answer = authenticated($api->accountKycStatus()->sendRequest($api->accountKycStatus()->createRequest()
            ->setId($acc)));
        if ($answer->getStatus() === KycUploadedFileStatus::ACCEPTED) {
            break;
        }
        usleep(250000);
    } while (microtime(true) < $deadline);
    expect_same('accepted', $answer->getStatus(), 'status');
    expect_same([], $answer->getMissingKycTypes(), 'missing-kyc-types');
    $accepted = $answer->getUploadedKycStatus(KycUploadedFileStatus::ACCEPTED);
    $types = array_map(fn($f) => $f->getType(), $accepted);
    sort($types);
    expect_same([KycType::DOM_1, KycType::IDENTITY, KycType::IDENTITY_BACK], $types, 'accepted types');
    expect($accepted[0]->getUpdatedAt() instanceof \DateTime, 'updated_at read as a date');
    expect_same(KycUploadedFileStatus::ACCEPTED, $accepted[0]->getStatus(), 'file status');
    expect_same([], $answer->getUploadedKycStatus(KycUploadedFileStatus::REFUSED), 'nothing refused');
    expect_same(3, count($answer->getUploadedKycStatus()), 'three files in all');
});

done();
